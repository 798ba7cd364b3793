import { describe, expect, test } from "vitest";
import { EnvError, parseDatabaseEnv, parseEnv } from "./env";

const secret = "x".repeat(32);

describe("parseEnv", () => {
  test("applies defaults for an embedded-database setup", () => {
    const env = parseEnv({ AUTH_SECRET: secret });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".paylink/pgdata");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.AUTH_TRUST_HOST).toBe(true);
  });

  test("names a missing required variable", () => {
    expect(() => parseEnv({})).toThrow(/AUTH_SECRET is required/);
  });

  test("names every wrong variable at once", () => {
    try {
      parseEnv({ AUTH_SECRET: "short", DATABASE_URL: "mysql://x", DATABASE_POOL_SIZE: "zero" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toMatch(/AUTH_SECRET must be at least 32/);
      expect(message).toMatch(/DATABASE_URL must be a postgres/);
      expect(message).toMatch(/DATABASE_POOL_SIZE/);
    }
  });

  test("treats empty strings as unset", () => {
    expect(parseEnv({ AUTH_SECRET: secret, DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  test("parses booleans strictly", () => {
    expect(parseEnv({ AUTH_SECRET: secret, AUTH_TRUST_HOST: "false" }).AUTH_TRUST_HOST).toBe(false);
    expect(() => parseEnv({ AUTH_SECRET: secret, AUTH_TRUST_HOST: "yes" })).toThrow(/AUTH_TRUST_HOST/);
  });
});

test("database tools need only the database variables", () => {
  expect(parseDatabaseEnv({ DATABASE_URL: "postgres://x@h/db" })).toMatchObject({ DATABASE_URL: "postgres://x@h/db", DATABASE_POOL_SIZE: 10 });
  expect(() => parseDatabaseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres/);
});

test("the settlement interval stays within what setInterval can wait", () => {
  expect(() => parseEnv({ AUTH_SECRET: "x".repeat(32), SETTLEMENT_INTERVAL_SECONDS: "3000000" })).toThrow(/SETTLEMENT_INTERVAL_SECONDS must be at most/);
});
