import { Writable } from "node:stream";
import { z } from "zod";
import { expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { toErrorResponse } from "./errors";

function silentLog() {
  const lines: string[] = [];
  const log = createLogger("info", new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  return { log, lines };
}

test("an unexpected error answers internal_error without its text, and is logged with the request id", async () => {
  const { log, lines } = silentLog();
  const error = new Error('insert into "users" values ($1) failed: duplicate key 4242424242424242');
  const response = toErrorResponse(error, log, "req-abc-123");
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
  const response = toErrorResponse(new AppError("resource_missing", "No such payment link: 'plink_x'.", { param: "id" }), log, "r");
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: { type: "invalid_request_error", code: "resource_missing", message: "No such payment link: 'plink_x'.", param: "id" } });
});

test("a zod error becomes parameter_invalid or parameter_unknown", async () => {
  const { log } = silentLog();
  const strict = z.strictObject({ a: z.number() });
  const unknown = strict.safeParse({ a: 1, b: 2 }).error!;
  expect((await toErrorResponse(unknown, log, "r").json()).error.code).toBe("parameter_unknown");
  const invalid = strict.safeParse({ a: "x" }).error!;
  expect(await toErrorResponse(invalid, log, "r").json()).toMatchObject({ error: { code: "parameter_invalid", param: "a" } });
});
