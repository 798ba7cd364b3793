export * from "./api-keys";
export * from "./events";
export * from "./idempotency-keys";
export * from "./merchants";
export * from "./orders";
export * from "./payment-links";
export * from "./rate-limits";
export * from "./users";
