import { describe, expect, test } from "vitest";
import { captureLog as capture } from "@/test/log";
import { createLogger, errorForLog, redactForLog, requestLogger, scrubCardNumbers } from "./logger";

test("every line of a request carries its request id", () => {
  const { lines, stream } = capture();
  const log = requestLogger("req-12345678", createLogger("info", stream));
  log.info("one");
  log.warn({ status: 503 }, "two");
  expect(lines).toHaveLength(2);
  expect(lines.every((l) => l.requestId === "req-12345678")).toBe(true);
  expect(lines[1]).toMatchObject({ level: "warn", status: 503, service: "paylink" });
});

test("secrets and card data are redacted whatever their depth", () => {
  const { lines, stream } = capture();
  const log = createLogger("info", stream);
  log.info({ password: "hunter2", body: { password: "p", cardNumber: "4242424242424242", cvc: "123" }, headers: { authorization: "Bearer sk_test_x" } });
  // Three and more levels down, in arrays, under other spellings of the same names.
  log.info({
    request: { form: { fields: [{ name: "newPassword", newPassword: "deep-hunter3" }], nested: { deeper: { Authorization: "Basic c2VjcmV0" } } } },
    merchant: { callback_secret: "cb-secret-value", settings: { api_key: "plain-api-key-value", "Set-Cookie": "authjs.session-token=abc.def.ghi" } },
  });
  const text = JSON.stringify(lines);
  for (const secret of ["hunter2", "4242424242424242", "123\"", "sk_test_x", "deep-hunter3", "c2VjcmV0", "cb-secret-value", "plain-api-key-value", "abc.def.ghi"]) {
    expect(text).not.toContain(secret);
  }
  expect(lines[0]).toMatchObject({ password: "[redacted]" });
  expect(lines[1]).toMatchObject({ request: { form: { fields: [{ name: "newPassword", newPassword: "[redacted]" }] } } });
});

test("credentials and card numbers inside any string are masked, in messages and bindings too", () => {
  const { lines, stream } = capture();
  const log = createLogger("info", stream).child({ note: "key sk_live_51HxAbCdEfGhIjKlMn given" });
  log.info({ detail: { url: "https://hooks.example/x?s=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" } }, "paid with 4242 4242 4242 4242 using sk_test_abcdefghijkl");
  const text = JSON.stringify(lines);
  for (const secret of ["sk_live_51HxAbCdEfGhIjKlMn", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "4242 4242", "sk_test_abcdefghijkl"]) expect(text).not.toContain(secret);
  expect(lines[0]!.msg).toBe("paid with [redacted-number] using [redacted-credential]");
});

test("an Error keeps its type for the serializer, and a cycle does not hang the logger", () => {
  const cyclic: Record<string, unknown> = { name: "loop" };
  cyclic.self = cyclic;
  expect(redactForLog({ cyclic })).toEqual({ cyclic: { name: "loop", self: "[cut]" } });
  const error = new Error("boom");
  expect((redactForLog({ err: error }) as { err: unknown }).err).toBe(error);
});

test.each([
  ["card 4242424242424242 declined", "card [redacted-number] declined"],
  ["4242 4242 4242 4242", "[redacted-number]"],
  ["5555-5555-5555-4444!", "[redacted-number]!"],
  ["order 1001 of 2026-05-25, amount 9999", "order 1001 of 2026-05-25, amount 9999"],
])("scrubCardNumbers(%j)", (input, expected) => {
  expect(scrubCardNumbers(input)).toBe(expected);
});

describe("errorForLog", () => {
  test("a failed query logs what the database said, never the statement, its values or a stack", () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    const failed = new Error("Failed query: insert into payment_links (name) values ($1)\nparams: 4242424242424242", { cause });
    const logged = errorForLog(failed);
    expect(logged).toMatchObject({ type: "Error", message: 'invalid byte sequence for encoding "UTF8": 0x00', code: "22021" });
    const text = JSON.stringify(logged);
    for (const leak of ["insert into", "params", "4242", "\\n    at "]) expect(text).not.toContain(leak);
  });

  test("any other error: its message with card numbers masked, and one location instead of the stack", () => {
    const logged = errorForLog(new TypeError("card 4242 4242 4242 4242 refused"));
    expect(logged.type).toBe("TypeError");
    expect(logged.message).toBe("card [redacted-number] refused");
    expect(logged.at).toMatch(/logger\.test\.ts:\d+:\d+$/);
    expect(logged).not.toHaveProperty("stack");
    expect(errorForLog("a string")).toEqual({ type: "string" });
  });
});
