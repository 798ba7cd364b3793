import { describe, expect, test } from "vitest";
import { CURRENCIES } from "@/lib/money/currencies";
import { formatCount, formatCountry, formatDate, formatMoney, formatShare } from "./format";
import { LOCALES, type Locale } from "./locales";

// Intl puts narrow and no-break spaces and bidi marks in some locales; the table reads better without them.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/[\u200e\u200f\u061c]/g, "");

describe("formatMoney: locale × currency, ISO 4217 decimals always", () => {
  test.each<[Locale, number, string, string]>([
    ["en", 123456, "USD", "$1,234.56"],
    ["en", 1500, "JPY", "¥1,500"],
    ["en", 1234567, "KWD", "KWD 1,234.567"],
    ["de", 123456, "EUR", "1.234,56 €"],
    ["de", 1500, "JPY", "1.500 ¥"],
    ["de", 1234567, "KWD", "1.234,567 KWD"],
    ["fr", 123456, "EUR", "1 234,56 €"],
    ["sv", 9900, "SEK", "99,00 kr"],
    ["pt-BR", 123456, "BRL", "R$ 1.234,56"],
    ["ja", 1500, "JPY", "￥1,500"],
    ["ja", 123456, "USD", "$1,234.56"],
    ["zh-CN", 123456, "EUR", "€1,234.56"],
    ["th", 50000, "THB", "฿500.00"],
    // Western digits in Arabic (see intlLocale), the currency after the amount; a Latin symbol with a sign
    // ("US$") by its code, which survives right-to-left text; Arabic symbols and lone signs as they are.
    ["ar", 123456, "USD", "1,234.56 USD"],
    ["ar", 1500, "JPY", "1,500 JPY"],
    ["ar", 123456, "EUR", "1,234.56 €"],
    ["ar", 1234567, "KWD", "1,234.567 د.ك."],
    ["ar", 123456, "SAR", "1,234.56 ر.س."],
  ])("%s %i %s -> %j", (locale, minor, currency, expected) => {
    expect(plain(formatMoney(minor, currency, locale))).toBe(expected);
  });

  // Whatever a locale's symbols and grouping, the digits shown are the minor units exactly: JPY never gains
  // ".00", KWD never loses its third decimal, nothing is rounded.
  test.each(LOCALES)("every currency keeps its exponent in %s", (locale) => {
    for (const { code } of CURRENCIES) {
      expect(formatMoney(1234567, code, locale).replace(/\D/g, ""), `${code} in ${locale}`).toBe("1234567");
    }
  });

  test("a negative amount and zero", () => {
    expect(plain(formatMoney(-500, "USD", "en"))).toBe("-$5.00");
    expect(plain(formatMoney(0, "JPY", "ja"))).toBe("￥0");
  });

  test("an unknown currency shows the minor units and code, never throws", () => {
    expect(formatMoney(1500, "XYZ", "de")).toBe("1500 XYZ");
  });
});

describe("formatDate: in UTC, the zone named", () => {
  const at = new Date("2026-05-25T10:00:00Z");
  test.each<[Locale, string]>([
    ["en", "May 25, 2026, 10:00 AM UTC"],
    ["de", "25. Mai 2026, 10:00 UTC"],
    ["ja", "2026年5月25日 10:00 UTC"],
  ])("%s -> %j", (locale, expected) => {
    expect(plain(formatDate(at, "dateTime", locale))).toBe(expected);
  });

  test("a YYYY-MM-DD day is that day in UTC, wherever the server is", () => {
    expect(formatDate("2026-05-25", "date", "en")).toBe("May 25, 2026");
    expect(formatDate("2026-05-25", "day", "en")).toBe("May 25");
  });

  test("Thai dates are in the Buddhist era, as Thai readers expect", () => {
    expect(formatDate(at, "date", "th")).toContain("2569");
  });
});

describe("numbers and countries", () => {
  test("counts and shares follow the locale", () => {
    expect(formatCount(1234567, "en")).toBe("1,234,567");
    expect(plain(formatCount(1234567, "sv"))).toBe("1 234 567");
    expect(formatShare(1, 8, "en")).toBe("12.5%");
    expect(formatShare(1, 0, "en")).toBeNull();
  });

  test("country names in the reader's language", () => {
    expect(formatCountry("DE", "fr")).toBe("Allemagne");
    expect(formatCountry("DE", "ja")).toBe("ドイツ");
    expect(formatCountry("DE", "en")).toBe("Germany");
  });
});
