import { describe, expect, test } from "vitest";

import { CURRENCIES, currencyExponent, isCurrencyCode, type CurrencyCode } from "./currencies";

describe("CURRENCIES", () => {
  test.each(CURRENCIES.map((c) => [c.code, c] as const))("%s is well-formed", (_code, c) => {
    expect(c.code).toMatch(/^[A-Z]{3}$/);
    expect(Number.isInteger(c.exponent)).toBe(true);
    expect(c.exponent).toBeGreaterThanOrEqual(0);
    expect(c.exponent).toBeLessThanOrEqual(4);
    expect(c.name.trim()).not.toBe("");
  });

  test("has no duplicate codes", () => {
    const codes = CURRENCIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test("is sorted by code", () => {
    const codes = CURRENCIES.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
  });

  test("covers the current list A.1 (minus N.A. units)", () => {
    // 2026-01-01 list: 178 entries, 13 of them with minor unit "N.A.".
    expect(CURRENCIES).toHaveLength(165);
  });

  test.each([
    // Codes with no minor unit ("N.A."), testing/no-currency codes.
    "XAU", "XAG", "XPT", "XPD", "XXX", "XTS", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA",
    // Withdrawn or replaced.
    "ANG", "BGN", "CUC", "HRK", "SLL", "ZWL", "VEF", "MRO", "STD",
  ])("excludes %s", (code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });
});

describe("currencyExponent", () => {
  test.each<[CurrencyCode, number]>([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["VND", 0],
    ["CLP", 0],
    ["ISK", 0],
    ["UGX", 0],
    ["XAF", 0],
    ["XOF", 0],
    ["XPF", 0],
    ["PYG", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["LYD", 3],
    ["IQD", 3],
    ["CLF", 4],
    ["UYW", 4],
    ["UYI", 0],
    ["HUF", 2],
    ["IDR", 2],
    ["TWD", 2],
    ["MGA", 2],
    ["MRU", 2],
    ["ZWG", 2],
    ["VES", 2],
    ["VED", 2],
    ["SLE", 2],
    ["XCG", 2],
  ])("%s has exponent %i", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  test.each(["XYZ", "usd", "", "US"])("throws on unknown code %j", (code) => {
    expect(() => currencyExponent(code as CurrencyCode)).toThrow(RangeError);
  });
});

describe("isCurrencyCode", () => {
  test.each([
    ["USD", true],
    ["XCG", true],
    ["CLF", true],
    ["usd", false],
    ["Usd", false],
    [" USD", false],
    ["USDX", false],
    ["", false],
    ["toString", false],
  ] as const)("%j -> %s", (input, expected) => {
    expect(isCurrencyCode(input)).toBe(expected);
  });
});
