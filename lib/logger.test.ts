import { Writable } from "node:stream";
import { expect, test } from "vitest";
import { createLogger, requestLogger, scrubCardNumbers } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

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
  const text = JSON.stringify(lines);
  for (const secret of ["hunter2", "4242424242424242", "123\"", "sk_test_x"]) expect(text).not.toContain(secret);
  expect(lines[0]).toMatchObject({ password: "[redacted]" });
});

test.each([
  ["card 4242424242424242 declined", "card [redacted-number] declined"],
  ["4242 4242 4242 4242", "[redacted-number]"],
  ["5555-5555-5555-4444!", "[redacted-number]!"],
  ["order 1001 of 2026-05-25, amount 9999", "order 1001 of 2026-05-25, amount 9999"],
])("scrubCardNumbers(%j)", (input, expected) => {
  expect(scrubCardNumbers(input)).toBe(expected);
});
