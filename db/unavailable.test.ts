import { describe, expect, test } from "vitest";
import { describeDatabaseUnavailable, isConnectionLost, isDatabaseUnavailable } from "./unavailable";

// Shapes as the drivers make them: postgres.js assigns `code` to plain Errors (its own codes and Node's socket
// errors) and to PostgresError (the SQLSTATE); drizzle wraps them in DrizzleQueryError's `cause`.
const coded = (code: string, message = `${code} happened`) => Object.assign(new Error(message), { code });
const postgresError = (code: string, message: string) => Object.assign(new Error(message), { name: "PostgresError", code, severity: "FATAL" });
const drizzleWrapped = (cause: unknown) =>
  Object.assign(new Error('Failed query: insert into "payment_links" ("id") values ($1)\nparams: plink_1'), { cause });

describe("isDatabaseUnavailable", () => {
  test.each([
    ["ECONNREFUSED", "nothing listens (the server is stopped)"],
    ["ECONNRESET", "the connection was reset"],
    ["EPIPE", "written to a closed connection"],
    ["ETIMEDOUT", "the host does not answer"],
    ["EHOSTUNREACH", "no route to the host"],
    ["EAI_AGAIN", "the name does not resolve right now"],
    ["CONNECTION_CLOSED", "postgres.js: closed under a query"],
    ["CONNECTION_ENDED", "postgres.js: the pool was ended"],
    ["CONNECTION_DESTROYED", "postgres.js: the pool was destroyed"],
    ["CONNECT_TIMEOUT", "postgres.js: connect_timeout passed"],
    ["08006", "SQLSTATE connection_failure"],
    ["08001", "SQLSTATE sqlclient_unable_to_establish_sqlconnection"],
    ["57P01", "SQLSTATE admin_shutdown (pg_ctl stop -m fast)"],
    ["57P02", "SQLSTATE crash_shutdown"],
    ["57P03", "SQLSTATE cannot_connect_now (starting up, shutting down)"],
    ["53300", "SQLSTATE too_many_connections"],
  ])("%s: %s", (code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(true);
  });

  test.each([
    ["23505", "unique_violation"],
    ["42P01", "undefined_table"],
    ["40001", "serialization_failure"],
    ["57014", "query_canceled (statement timeout)"],
    ["22P02", "invalid_text_representation"],
    ["ENOENT", "a file, not the database"],
    ["MAX_PARAMETERS_EXCEEDED", "postgres.js: a bug in the query"],
    ["080", "too short for a SQLSTATE"],
  ])("%s (%s) is a real error, not an outage", (code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(false);
  });

  test("finds the driver's error inside drizzle's wrapper and nested causes", () => {
    expect(isDatabaseUnavailable(drizzleWrapped(postgresError("57P01", "terminating connection due to administrator command")))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: drizzleWrapped(coded("ECONNREFUSED")) }))).toBe(true);
    expect(isDatabaseUnavailable(drizzleWrapped(postgresError("23505", "duplicate key")))).toBe(false);
  });

  test("looks into AggregateError (Node's connect to several addresses)", () => {
    const aggregate = new AggregateError([coded("ECONNREFUSED", "connect ECONNREFUSED ::1:5432"), coded("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")]);
    expect(isDatabaseUnavailable(aggregate)).toBe(true);
  });

  test("reads pg-boss's plain-object copies of an error", () => {
    const copy = { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432 (Queue: webhook-deliver, Worker: 1)", queue: "webhook-deliver" };
    expect(isDatabaseUnavailable(copy)).toBe(true);
  });

  test("anything without a code is not an outage, and odd values do not throw", () => {
    for (const value of [new Error("connect ECONNREFUSED"), null, undefined, "ECONNREFUSED", 42, { code: 8006 }, []]) {
      expect(isDatabaseUnavailable(value)).toBe(false);
    }
  });

  test("a client hanging up mid-request (Node's \"aborted\", ECONNRESET) is not a database outage", () => {
    const hangUp = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(isDatabaseUnavailable(hangUp)).toBe(false);
    expect(isConnectionLost(hangUp)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true);
  });

  test("a cause cycle ends", () => {
    const a: Error & { cause?: unknown } = new Error("a");
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("isConnectionLost", () => {
  test("an open connection that went away: reset, closed, or ended by a server shutdown", () => {
    for (const code of ["ECONNRESET", "EPIPE", "CONNECTION_CLOSED", "57P01", "57P02", "08006"]) expect(isConnectionLost(coded(code)), code).toBe(true);
  });

  test("not when no connection was ever made, or it is merely busy", () => {
    for (const code of ["ECONNREFUSED", "CONNECT_TIMEOUT", "57P03", "53300", "CONNECTION_ENDED", "23505"]) expect(isConnectionLost(coded(code)), code).toBe(false);
  });
});

describe("describeDatabaseUnavailable", () => {
  test("gives the driver's code and short message, never drizzle's SQL and parameters", () => {
    const described = describeDatabaseUnavailable(drizzleWrapped(postgresError("57P01", "terminating connection due to administrator command")));
    expect(described).toEqual({ code: "57P01", message: "terminating connection due to administrator command" });
    expect(JSON.stringify(described)).not.toMatch(/insert|payment_links|plink_1/);
  });

  test("is null for anything else", () => {
    expect(describeDatabaseUnavailable(new Error("boom"))).toBeNull();
  });
});
