import { Writable } from "node:stream";
import { beforeEach, expect, test, vi } from "vitest";
import { AppError } from "@/lib/core/errors";
import { route } from "./route";

// Every log line route() writes, as parsed JSON (the process logger needs the whole environment).
const lines = vi.hoisted((): Record<string, unknown>[] => []);
vi.mock("@/lib/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/logger")>();
  const sink = new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const root = original.createLogger("info", sink);
  return { ...original, requestLogger: (requestId: string) => root.child({ requestId }) };
});
beforeEach(() => {
  lines.length = 0;
});

const TOKEN = "abcdefghijklmnop1234";
const request = () => new Request(`http://localhost/o/${TOKEN}/pay`, { method: "POST", headers: { "x-request-id": "req-route-1" } });
const segment = { params: Promise.resolve({ token: TOKEN }) };

test("the handler's answer, with the request id echoed and one access-log line naming the path", async () => {
  const handler = route<{ token: string }>(async (_request, { params, requestId }) => Response.json({ token: params.token, requestId }, { status: 201 }));
  const response = await handler(request(), segment);
  expect(response.status).toBe(201);
  expect(await response.json()).toEqual({ token: TOKEN, requestId: "req-route-1" });
  expect(response.headers.get("x-request-id")).toBe("req-route-1");
  expect(lines).toEqual([expect.objectContaining({ msg: "request completed", requestId: "req-route-1", method: "POST", path: `/o/${TOKEN}/pay`, status: 201 })]);
});

test("a thrown AppError is answered with the documented error body", async () => {
  const handler = route<{ token: string }>(async () => {
    throw new AppError("order_not_payable", "This order is already paid.");
  });
  const response = await handler(request(), segment);
  expect(response.status).toBe(409);
  expect(response.headers.get("x-request-id")).toBe("req-route-1");
  expect(await response.json()).toEqual({ error: { type: "invalid_request_error", code: "order_not_payable", message: "This order is already paid.", param: null } });
});

test("an unexpected error is a 500 internal_error that quotes the request id and keeps the message in the log", async () => {
  const handler = route<{ token: string }>(async () => {
    throw new Error("secret detail from the driver");
  });
  const response = await handler(request(), segment);
  expect(response.status).toBe(500);
  const body = await response.json();
  expect(body.error).toMatchObject({ code: "internal_error", type: "api_error" });
  expect(body.error.message).toContain("req-route-1");
  expect(JSON.stringify(body)).not.toContain("secret detail");
  expect(lines.map((line) => line.msg)).toEqual(["unhandled error", "request completed"]);
});

test("with a pattern, the access log names the route, never the path that holds the token", async () => {
  const handler = route<{ token: string }>(async () => new Response(null, { status: 303, headers: { location: "/o/x" } }), { pattern: "/o/[token]/pay" });
  await handler(request(), segment);
  expect(lines).toEqual([expect.objectContaining({ route: "/o/[token]/pay", status: 303 })]);
  expect(lines[0]).not.toHaveProperty("path");
  expect(JSON.stringify(lines)).not.toContain(TOKEN);
});

test("onError answers in place of the JSON error body, with the route's context", async () => {
  const handler = route<{ token: string }>(
    async () => {
      throw new Error("boom");
    },
    { onError: (_error, _request, { params, requestId }) => new Response(`sorry ${params.token} ${requestId}`, { status: 303, headers: { location: "/" } }) },
  );
  const response = await handler(request(), segment);
  expect([response.status, await response.text()]).toEqual([303, `sorry ${TOKEN} req-route-1`]);
  expect(response.headers.get("x-request-id")).toBe("req-route-1");
});
