import { Writable } from "node:stream";
import { z } from "zod";
import { expect, test } from "vitest";
import { AppError } from "@/lib/core/errors";
import { createLogger } from "@/lib/logger";
import { RateLimitedError, toErrorResponse } from "./errors";

function silentLog() {
  const lines: string[] = [];
  const log = createLogger("info", new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  return { log, lines };
}

test("an unexpected error answers internal_error without its text, and is logged with the request id", async () => {
  const { log, lines } = silentLog();
  const error = new Error('insert into "users" values ($1) failed: duplicate key 4242424242424242');
  const response = toErrorResponse(error, { log, requestId: "req-abc-123" });
  expect(response.status).toBe(500);
  const body = await response.json();
  expect(body.error.code).toBe("internal_error");
  expect(body.error.type).toBe("api_error");
  expect(JSON.stringify(body)).not.toMatch(/insert|users|4242|at /);
  expect(body.error.message).toContain("req-abc-123");
  expect(response.headers.get("x-request-id")).toBe("req-abc-123");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", msg: "unhandled error" });
  expect(lines[0]).not.toContain("4242424242424242");
});

test("an AppError answers its own status and body", async () => {
  const { log } = silentLog();
  const response = toErrorResponse(new AppError("resource_missing", "No such payment link: 'plink_x'.", { param: "id" }), { log, requestId: "r" });
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: { type: "invalid_request_error", code: "resource_missing", message: "No such payment link: 'plink_x'.", param: "id" } });
});

test("a zod error becomes parameter_invalid or parameter_unknown", async () => {
  const { log, lines } = silentLog();
  const strict = z.strictObject({ a: z.number() });
  const unknown = strict.safeParse({ a: 1, b: 2 }).error!;
  expect((await toErrorResponse(unknown, { log, requestId: "r" }).json()).error.code).toBe("parameter_unknown");
  const invalid = strict.safeParse({ a: "x" }).error!;
  expect(await toErrorResponse(invalid, { log, requestId: "r" }).json()).toMatchObject({ error: { code: "parameter_invalid", param: "a" } });
  expect(lines).toEqual([]);
});

test("with the request's input, a zod error tells a missing parameter from an invalid one", async () => {
  const { log } = silentLog();
  const schema = z.strictObject({ name: z.string(), amount: z.number() });
  const missing = schema.safeParse({ amount: 1 }).error!;
  const withInput = toErrorResponse(missing, { log, requestId: "r", input: { amount: 1 } });
  expect(withInput.status).toBe(400);
  expect(await withInput.json()).toEqual({
    error: { type: "invalid_request_error", code: "parameter_missing", message: "Missing required parameter: name.", param: "name" },
  });
  // Without it, absent and wrong look alike.
  expect(await toErrorResponse(missing, { log, requestId: "r" }).json()).toMatchObject({ error: { code: "parameter_invalid", param: "name" } });
  const wrong = schema.safeParse({ name: 5, amount: 1 }).error!;
  expect(await toErrorResponse(wrong, { log, requestId: "r", input: { name: 5, amount: 1 } }).json()).toMatchObject({ error: { code: "parameter_invalid", param: "name" } });
});

test("rate limited: 429 rate_limit_error with Retry-After in seconds", async () => {
  const { log, lines } = silentLog();
  const response = toErrorResponse(new RateLimitedError(3), { log, requestId: "req-429" });
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe("3");
  expect(response.headers.get("x-request-id")).toBe("req-429");
  expect((await response.json()).error).toMatchObject({ type: "rate_limit_error", code: "rate_limited", param: null });
  expect(lines).toEqual([]);
});

test("every answer is JSON in UTF-8, and only the rate-limited and unavailable ones carry Retry-After", () => {
  const { log } = silentLog();
  const answers = [
    toErrorResponse(new AppError("order_not_payable", "Paid already."), { log, requestId: "r" }),
    toErrorResponse(new Error("boom"), { log, requestId: "r" }),
    toErrorResponse(Object.assign(new Error("down"), { code: "ECONNREFUSED" }), { log, requestId: "r" }),
  ];
  expect(answers.map((r) => r.headers.get("content-type"))).toEqual(Array(3).fill("application/json; charset=utf-8"));
  expect(answers.map((r) => r.headers.get("retry-after"))).toEqual([null, null, "2"]);
});

test("a database that cannot be reached answers 503 service_unavailable with Retry-After, logged without a stack", async () => {
  const { log, lines } = silentLog();
  // What drizzle throws when PostgreSQL is stopped under a query: its wrapper quotes the SQL and parameters.
  const cause = Object.assign(new Error("terminating connection due to administrator command"), { name: "PostgresError", code: "57P01" });
  const error = Object.assign(new Error('Failed query: insert into "payment_links" values ($1)\nparams: 4242424242424242'), { cause });
  const response = toErrorResponse(error, { log, requestId: "req-db-down" });
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
  expect(response.headers.get("x-request-id")).toBe("req-db-down");
  const body = await response.json();
  expect(body).toEqual({ error: { type: "api_error", code: "service_unavailable", message: expect.stringContaining("req-db-down"), param: null } });
  expect(JSON.stringify(body)).not.toMatch(/insert|payment_links|4242|administrator|at /);
  expect(lines).toHaveLength(1);
  const line = JSON.parse(lines[0]!);
  expect(line).toMatchObject({ level: "warn", msg: "database unavailable", database: { code: "57P01" } });
  expect(lines[0]).not.toMatch(/4242|insert|stack/);
});

test("a refused connection (the server is down) is a 503 too; a query error is still a 500", async () => {
  const { log } = silentLog();
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  expect(toErrorResponse(refused, { log, requestId: "r" }).status).toBe(503);
  const duplicate = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
  expect(toErrorResponse(duplicate, { log, requestId: "r" }).status).toBe(500);
});

test("outside a route (the proxy) an AppError is answered the same, with no request id to echo", async () => {
  const response = toErrorResponse(new AppError("resource_missing", "Unrecognized request URL (GET: /api/v1/x)."));
  expect(response.status).toBe(404);
  expect(response.headers.get("x-request-id")).toBeNull();
  expect((await response.json()).error.code).toBe("resource_missing");
});
