import { describe, expect, test } from "vitest";

import { isCurrencyCode, type CurrencyCode } from "../money/currencies";
import {
  COUNTRY_CODES,
  countryName,
  defaultCurrencyForCountry,
  isCountryCode,
  type CountryCode,
} from "./countries";

describe("COUNTRY_CODES", () => {
  test("has the 249 officially assigned codes", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
  });

  test("has no duplicates", () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
  });

  test("is sorted and upper-case alpha-2", () => {
    expect([...COUNTRY_CODES]).toEqual([...COUNTRY_CODES].sort());
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  test.each(COUNTRY_CODES)("%s has a display name", (code) => {
    const name = countryName(code);
    expect(name).not.toBe(code);
    expect(name.length).toBeGreaterThan(1);
  });
});

describe("isCountryCode", () => {
  test.each([
    ["US", true],
    ["GB", true],
    ["CW", true],
    ["SX", true],
    ["BQ", true],
    ["AQ", true],
    ["us", false],
    ["Us", false],
    ["UK", false], // reserved, the ISO code is GB
    ["EU", false], // reserved
    ["XK", false], // user-assigned (Kosovo)
    ["AN", false], // withdrawn (Netherlands Antilles)
    ["USA", false],
    ["", false],
    [" US", false],
  ] as const)("%j -> %s", (input, expected) => {
    expect(isCountryCode(input)).toBe(expected);
  });
});

describe("countryName", () => {
  test.each<[CountryCode, string | undefined, string]>([
    ["DE", undefined, "Germany"],
    ["US", undefined, "United States"],
    ["GB", "en", "United Kingdom"],
    ["JP", "en", "Japan"],
    ["DE", "fr", "Allemagne"],
    ["DE", "de", "Deutschland"],
    ["ES", "es", "España"],
    ["DE", "not a locale!!", "Germany"],
  ])("%s in %s -> %j", (code, locale, expected) => {
    expect(locale === undefined ? countryName(code) : countryName(code, locale)).toBe(expected);
  });
});

describe("defaultCurrencyForCountry", () => {
  test.each<[CountryCode, CurrencyCode]>([
    ["US", "USD"],
    ["GB", "GBP"],
    ["DE", "EUR"],
    ["FR", "EUR"],
    ["IT", "EUR"],
    ["ES", "EUR"],
    ["NL", "EUR"],
    ["IE", "EUR"],
    ["HR", "EUR"],
    ["BG", "EUR"],
    ["JP", "JPY"],
    ["CN", "CNY"],
    ["HK", "HKD"],
    ["SG", "SGD"],
    ["AU", "AUD"],
    ["NZ", "NZD"],
    ["CA", "CAD"],
    ["CH", "CHF"],
    ["LI", "CHF"],
    ["SE", "SEK"],
    ["NO", "NOK"],
    ["DK", "DKK"],
    ["PL", "PLN"],
    ["CZ", "CZK"],
    ["HU", "HUF"],
    ["RO", "RON"],
    ["IN", "INR"],
    ["KW", "KWD"],
    ["BH", "BHD"],
    ["OM", "OMR"],
    ["JO", "JOD"],
    ["AE", "AED"],
    ["SA", "SAR"],
    ["QA", "QAR"],
    ["IL", "ILS"],
    ["TR", "TRY"],
    ["BR", "BRL"],
    ["MX", "MXN"],
    ["AR", "ARS"],
    ["CL", "CLP"],
    ["CO", "COP"],
    ["PE", "PEN"],
    ["EC", "USD"],
    ["PA", "USD"],
    ["SV", "USD"],
    ["ZA", "ZAR"],
    ["NG", "NGN"],
    ["KE", "KES"],
    ["EG", "EGP"],
    ["MA", "MAD"],
    ["SN", "XOF"],
    ["CM", "XAF"],
    ["KR", "KRW"],
    ["TW", "TWD"],
    ["TH", "THB"],
    ["VN", "VND"],
    ["ID", "IDR"],
    ["MY", "MYR"],
    ["PH", "PHP"],
    ["PK", "PKR"],
    ["BD", "BDT"],
    ["UA", "UAH"],
    ["IS", "ISK"],
    ["CW", "XCG"],
    ["SX", "XCG"],
    ["SL", "SLE"],
    ["VE", "VES"],
    ["ZW", "ZWG"],
  ])("%s -> %s", (country, currency) => {
    expect(defaultCurrencyForCountry(country)).toBe(currency);
  });

  test.each<CountryCode>(["AQ", "GS", "PS"])("%s has no default", (country) => {
    expect(defaultCurrencyForCountry(country)).toBeNull();
  });

  test("every default is a known currency and only 3 countries lack one", () => {
    const defaults = COUNTRY_CODES.map((c) => defaultCurrencyForCountry(c));
    for (const currency of defaults) {
      if (currency !== null) expect(isCurrencyCode(currency)).toBe(true);
    }
    expect(defaults.filter((c) => c === null)).toHaveLength(3);
  });

  test.each(["XK", "toString", "constructor", "us"])("returns null for unvalidated %j", (code) => {
    expect(defaultCurrencyForCountry(code as CountryCode)).toBeNull();
  });
});
