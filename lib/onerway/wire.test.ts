import { describe, expect, test } from "vitest";
import { readRawObject } from "./raw-json";
import { amount, bool, formatTime, integer, OnerwayError, time } from "./wire";

const f = (json: string) => readRawObject(json);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof OnerwayError) return `${error.respCode} ${error.respMsg}`;
    throw error;
  }
  return "accepted";
};

describe("amounts in major units, from their decimal text", () => {
  test.each([
    ['{"amount":99.99}', "USD", 9999],
    ['{"amount":"99.99"}', "USD", 9999],
    ['{"amount":0.1}', "USD", 10],
    ['{"amount":1500}', "JPY", 1500],
    ['{"amount":1.234}', "KWD", 1234],
    ['{"amount":999999999.99}', "USD", 99_999_999_999],
  ] as const)("%s %s → %i minor units", (json, currency, minor) => {
    expect(amount(f(json), "amount", currency)).toBe(minor);
  });
  test.each([
    ['{"amount":99.999}', "USD", "40013 Abnormal parameters: amount has more decimals than USD allows."],
    ['{"amount":1500.0}', "JPY", "40013 Abnormal parameters: amount has more decimals than JPY allows."],
    ['{"amount":0}', "USD", "40013 Abnormal parameters: amount must be greater than zero."],
    ['{"amount":-1}', "USD", "40013 Abnormal parameters: amount must be a positive decimal amount, like 99.99."],
    ['{"amount":1e2}', "USD", "40013 Abnormal parameters: amount must be a positive decimal amount, like 99.99."],
    ['{"amount":"1,000.00"}', "USD", "40013 Abnormal parameters: amount must be a positive decimal amount, like 99.99."],
    ['{"amount":true}', "USD", "40013 Abnormal parameters: amount must be a positive decimal amount, like 99.99."],
    ['{"amount":null}', "USD", "40013 Abnormal parameters: amount is required."],
    ['{"amount":999999999999.99}', "USD", "40013 Abnormal parameters: amount is too large."],
  ] as const)("%s %s is refused", (json, currency, message) => {
    expect(refusal(() => amount(f(json), "amount", currency))).toBe(message);
  });
});

describe("the other field types", () => {
  test("booleans, also as the strings a stringifying client sends", () => {
    expect(bool(f('{"b":true}'), "b")).toBe(true);
    expect(bool(f('{"b":"false"}'), "b")).toBe(false);
    expect(bool(f('{"b":""}'), "b")).toBeUndefined();
    expect(refusal(() => bool(f('{"b":1}'), "b"))).toBe("40013 Abnormal parameters: b must be true or false.");
  });
  test("whole numbers within bounds, as numbers or digit strings", () => {
    expect(integer(f('{"n":10}'), "n", { min: 1, max: 100 })).toBe(10);
    expect(integer(f('{"n":"10"}'), "n", { min: 1, max: 100 })).toBe(10);
    expect(refusal(() => integer(f('{"n":1.5}'), "n", { min: 1, max: 100 }))).toBe("40013 Abnormal parameters: n must be a whole number.");
    expect(refusal(() => integer(f('{"n":101}'), "n", { min: 1, max: 100 }))).toBe("40013 Abnormal parameters: n must be between 1 and 100.");
  });
  test("times as yyyy-MM-dd HH:mm:ss in UTC, round-tripping", () => {
    expect(time(f('{"t":"2026-05-25 10:00:00"}'), "t")).toEqual(new Date("2026-05-25T10:00:00.000Z"));
    expect(formatTime(new Date("2026-05-25T10:00:00.789Z"))).toBe("2026-05-25 10:00:00");
    for (const bad of ["2026-02-30 00:00:00", "2026-05-25T10:00:00", "2026-05-25", "2026-05-25 24:00:00"]) {
      expect(refusal(() => time(f(`{"t":"${bad}"}`), "t"))).toBe("40013 Abnormal parameters: t must be a time like 2026-05-25 10:00:00 (UTC).");
    }
  });
});
