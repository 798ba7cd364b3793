import { describe, expect, test } from "vitest";
import { idFloor, newId, newToken } from "./ids";

describe("newId", () => {
  test("carries the kind's prefix", () => {
    expect(newId("order")).toMatch(/^ord_[0-9A-Za-z]{25}$/);
    expect(newId("merchant")).toMatch(/^mch_/);
  });

  test("sorts by creation time as a string", () => {
    const earlier = newId("order", Date.UTC(2036, 0, 1));
    const later = newId("order", Date.UTC(2036, 0, 1) + 1);
    expect(earlier < later).toBe(true);
  });

  test("strictly increase within one millisecond and when the clock steps back", () => {
    const ids = [newId("event", 5_000), newId("event", 5_000), newId("event", 5_000), newId("event", 4_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });

  test("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("user", 0)));
    expect(ids.size).toBe(10_000);
  });
});

test("newToken is url-safe and long", () => {
  expect(newToken()).toMatch(/^[0-9A-Za-z]{32}$/);
});

test("tokens drawn across refills of the random pool never repeat, and a token longer than the pool is whole", () => {
  // 4,096 bytes a refill: 1,000 tokens of 32 take eight refills.
  const tokens = new Set(Array.from({ length: 1_000 }, () => newToken()));
  expect(tokens.size).toBe(1_000);
  expect(newToken(5_000)).toMatch(/^[0-9A-Za-z]{5000}$/);
  // Every character of the alphabet turns up: the bytes are not stuck at one value.
  expect(new Set([...tokens].join("")).size).toBe(62);
});

describe("idFloor", () => {
  test("sorts below every id made at that time or later, and above the floor of any earlier time", () => {
    const at = Date.now() + 60_000;
    const floor = idFloor("message", at);
    expect(floor.startsWith("msg_")).toBe(true);
    expect(newId("message", at) > floor).toBe(true);
    expect(newId("message", at + 5_000) > floor).toBe(true);
    expect(idFloor("message", at - 1) < floor).toBe(true);
    expect(idFloor("message", at - 3_600_000) < floor).toBe(true);
  });
});
