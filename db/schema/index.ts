export * from "./merchants";
export * from "./rate-limits";
export * from "./users";
