import { describe, expect, test } from "vitest";

import type { CurrencyCode } from "./currencies";
import {
  MAX_AMOUNT_MINOR,
  formatMinor,
  isValidMinorAmount,
  minorToDecimalString,
  parseAmount,
  type ParseAmountError,
} from "./money";

describe("parseAmount: accepted input", () => {
  test.each<[string, CurrencyCode, number]>([
    // USD / EUR: 2 decimals
    ["12", "USD", 1200],
    ["12.5", "USD", 1250],
    ["12.50", "USD", 1250],
    ["0.01", "USD", 1],
    [".5", "USD", 50],
    ["0.10", "USD", 10],
    ["007", "USD", 700],
    ["1,234.56", "USD", 123456],
    ["1,234,567.89", "USD", 123456789],
    ["999,999,999.99", "USD", MAX_AMOUNT_MINOR],
    ["  12.34\t", "USD", 1234],
    ["\u00a012.34\u00a0", "USD", 1234],
    ["19.99", "EUR", 1999],
    ["1,000", "EUR", 100000],
    // JPY: no decimals
    ["1", "JPY", 1],
    ["1500", "JPY", 1500],
    ["1,500", "JPY", 1500],
    ["99,999,999,999", "JPY", MAX_AMOUNT_MINOR],
    // KWD / BHD: 3 decimals
    ["1.234", "KWD", 1234],
    ["0.005", "KWD", 5],
    ["1.5", "KWD", 1500],
    ["12", "BHD", 12000],
    ["0.001", "BHD", 1],
    ["1,000.125", "BHD", 1000125],
    // CLF: 4 decimals
    ["1.2345", "CLF", 12345],
    ["0.0001", "CLF", 1],
    ["3", "CLF", 30000],
  ])("%j %s -> %i", (input, currency, minor) => {
    expect(parseAmount(input, currency)).toEqual({ ok: true, minor });
  });
});

describe("parseAmount: refusals", () => {
  test.each<[string, CurrencyCode, ParseAmountError]>([
    ["", "USD", "empty"],
    ["   ", "USD", "empty"],
    ["\n\t", "JPY", "empty"],

    // Not a plain decimal number.
    ["abc", "USD", "invalid"],
    ["1e3", "USD", "invalid"],
    ["1E3", "USD", "invalid"],
    ["NaN", "USD", "invalid"],
    ["Infinity", "USD", "invalid"],
    ["-Infinity", "USD", "invalid"],
    ["0x1A", "USD", "invalid"],
    ["0b101", "USD", "invalid"],
    ["+5", "USD", "invalid"],
    ["--5", "USD", "invalid"],
    ["-", "USD", "invalid"],
    [".", "USD", "invalid"],
    ["5.", "USD", "invalid"],
    ["1.2.3", "USD", "invalid"],
    ["12,50", "EUR", "invalid"], // decimal comma is not supported
    ["1 234", "USD", "invalid"],
    ["$12", "USD", "invalid"],
    ["12 USD", "USD", "invalid"],
    ["1,23", "USD", "invalid"],
    ["1,2345", "USD", "invalid"],
    ["12,345,67", "USD", "invalid"],
    ["1234,567", "USD", "invalid"],
    [",123", "USD", "invalid"],
    ["0,123", "USD", "invalid"],
    ["1,234,", "USD", "invalid"],
    ["1,234.5,6", "USD", "invalid"],
    ["1.5,0", "USD", "invalid"],
    ["١٢", "USD", "invalid"], // non-ASCII digits

    // Zero and negatives.
    ["0", "USD", "not_positive"],
    ["0.00", "USD", "not_positive"],
    [".00", "USD", "not_positive"],
    ["000", "JPY", "not_positive"],
    ["-5", "USD", "not_positive"],
    ["-0", "USD", "not_positive"],
    ["-12.34", "USD", "not_positive"],
    ["\u221212", "USD", "not_positive"], // U+2212 minus sign
    ["-abc", "USD", "invalid"],

    // More decimals than the currency has, zeros included (documented choice).
    ["12.345", "USD", "too_precise"],
    ["12.500", "USD", "too_precise"],
    ["0.001", "USD", "too_precise"],
    ["0.000", "USD", "too_precise"],
    ["12.5", "JPY", "too_precise"],
    ["12.0", "JPY", "too_precise"],
    ["1.2345", "KWD", "too_precise"],
    ["1.0000", "BHD", "too_precise"],
    ["1.23456", "CLF", "too_precise"],

    // Above the product ceiling or beyond safe integers.
    ["1,000,000,000", "USD", "too_large"],
    ["1000000000.00", "USD", "too_large"],
    ["100,000,000,000", "JPY", "too_large"],
    ["100000000", "KWD", "too_large"],
    ["10000000", "CLF", "too_large"],
    ["90071992547409.92", "USD", "too_large"],
    ["9".repeat(400), "USD", "too_large"],
  ])("%j %s -> %s", (input, currency, reason) => {
    expect(parseAmount(input, currency)).toEqual({ ok: false, reason });
  });

  test("leading zeros do not count toward the size limit", () => {
    expect(parseAmount("0".repeat(400) + "1", "USD")).toEqual({ ok: true, minor: 100 });
  });
});

describe("parseAmount never rounds", () => {
  // Values whose float representation is inexact: a float-based parser would
  // produce 1004, 1999.9999 -> 1999, 28.999999 -> 2899 etc.
  test.each<[string, CurrencyCode, number]>([
    ["10.05", "USD", 1005],
    ["1.005", "KWD", 1005],
    ["19.99", "USD", 1999],
    ["0.29", "USD", 29],
    ["4.35", "USD", 435],
    ["1.15", "EUR", 115],
    ["8.675", "BHD", 8675],
    ["0.0003", "CLF", 3],
    ["999999999.99", "USD", 99_999_999_999],
    ["99999999.999", "KWD", 99_999_999_999],
  ])("%j %s -> %i exactly", (input, currency, minor) => {
    expect(parseAmount(input, currency)).toEqual({ ok: true, minor });
  });

  test.each<[string, CurrencyCode]>([
    ["10.055", "USD"],
    ["0.999", "USD"],
    ["1.5", "JPY"],
    ["0.00049", "KWD"],
  ])("%j %s is refused instead of rounded", (input, currency) => {
    expect(parseAmount(input, currency)).toEqual({ ok: false, reason: "too_precise" });
  });
});

describe("isValidMinorAmount", () => {
  test.each<[unknown, boolean]>([
    [1, true],
    [1250, true],
    [MAX_AMOUNT_MINOR, true],
    [0, false],
    [-1, false],
    [-0, false],
    [1.5, false],
    [MAX_AMOUNT_MINOR + 1, false],
    [Number.MAX_SAFE_INTEGER, false],
    [Number.MAX_SAFE_INTEGER + 2, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ["100", false],
    [100n, false],
    [null, false],
    [undefined, false],
    [{}, false],
  ])("%s -> %s", (value, expected) => {
    expect(isValidMinorAmount(value)).toBe(expected);
  });
});

describe("minorToDecimalString", () => {
  test.each<[number, CurrencyCode, string]>([
    [1234, "USD", "12.34"],
    [1, "USD", "0.01"],
    [10, "USD", "0.10"],
    [100, "USD", "1.00"],
    [0, "USD", "0.00"],
    [-1234, "USD", "-12.34"],
    [-5, "EUR", "-0.05"],
    [100, "JPY", "100"],
    [0, "JPY", "0"],
    [5, "KWD", "0.005"],
    [1234, "BHD", "1.234"],
    [1000125, "BHD", "1000.125"],
    [12345, "CLF", "1.2345"],
    [1, "CLF", "0.0001"],
    [MAX_AMOUNT_MINOR, "USD", "999999999.99"],
    [Number.MAX_SAFE_INTEGER, "USD", "90071992547409.91"],
    [Number.MAX_SAFE_INTEGER, "CLF", "900719925474.0991"],
  ])("%i %s -> %j", (minor, currency, expected) => {
    expect(minorToDecimalString(minor, currency)).toBe(expected);
  });

  test.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    "throws on %s",
    (minor) => {
      expect(() => minorToDecimalString(minor, "USD")).toThrow(RangeError);
    },
  );

  test.each<[string, CurrencyCode]>([
    ["12.34", "USD"],
    ["0.01", "EUR"],
    ["1500", "JPY"],
    ["0.005", "KWD"],
    ["1.2345", "CLF"],
  ])("round-trips %j %s through parseAmount", (text, currency) => {
    const parsed = parseAmount(text, currency);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(minorToDecimalString(parsed.minor, currency)).toBe(text);
  });
});

describe("formatMinor", () => {
  // Intl inserts U+00A0 / U+202F in some locales; normalise so the table stays readable.
  const normalise = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

  test.each<[number, CurrencyCode, string | undefined, string]>([
    [123456, "USD", undefined, "$1,234.56"],
    [1, "USD", undefined, "$0.01"],
    [100, "USD", undefined, "$1.00"],
    [-1234, "USD", undefined, "-$12.34"],
    [MAX_AMOUNT_MINOR, "USD", undefined, "$999,999,999.99"],
    [123456, "EUR", "en-US", "€1,234.56"],
    [123456, "EUR", "de-DE", "1.234,56 €"],
    [123456, "EUR", "fr-FR", "1 234,56 €"],
    [1500, "JPY", undefined, "¥1,500"],
    [1500, "JPY", "ja-JP", "￥1,500"],
    [1234, "KWD", undefined, "KWD 1.234"],
    [5, "KWD", undefined, "KWD 0.005"],
    [1000125, "BHD", undefined, "BHD 1,000.125"],
    [12345, "CLF", undefined, "CLF 1.2345"],
  ])("%i %s %s -> %j", (minor, currency, locale, expected) => {
    const formatted = locale === undefined ? formatMinor(minor, currency) : formatMinor(minor, currency, locale);
    expect(normalise(formatted)).toBe(expected);
  });

  test.each<[number, CurrencyCode, string]>([
    // CLDR's default digits differ from ISO for these; the ISO exponent wins.
    [1005, "IQD", "IQD 1.005"],
    [150, "HUF", "HUF 1.50"],
    [150, "IDR", "IDR 1.50"],
    [150, "ALL", "ALL 1.50"],
    [150, "MGA", "MGA 1.50"],
    [100, "ISK", "ISK 100"],
  ])("uses the ISO exponent: %i %s -> %j", (minor, currency, expected) => {
    expect(normalise(formatMinor(minor, currency))).toBe(expected);
  });

  test.each<[number, CurrencyCode, string]>([
    // Amounts where float division (minor / 10 ** exponent) would be inexact.
    [1005, "USD", "$10.05"],
    [1005, "KWD", "KWD 1.005"],
    [Number.MAX_SAFE_INTEGER, "USD", "$90,071,992,547,409.91"],
    [Number.MAX_SAFE_INTEGER, "CLF", "CLF 900,719,925,474.0991"],
    [Number.MAX_SAFE_INTEGER, "JPY", "¥9,007,199,254,740,991"],
  ])("never rounds: %i %s -> %j", (minor, currency, expected) => {
    expect(normalise(formatMinor(minor, currency))).toBe(expected);
  });

  test("falls back to en-US for a malformed locale", () => {
    expect(formatMinor(1234, "USD", "not a locale!!")).toBe("$12.34");
  });

  test("throws on a non-integer amount", () => {
    expect(() => formatMinor(12.5, "USD")).toThrow(RangeError);
  });
});
