import { describe, expect, test } from "vitest";
import { buyerLocale, negotiateLocale, resolveLocale, textDirection } from "./locales";

describe("negotiateLocale (Accept-Language)", () => {
  test.each([
    [null, "en"],
    ["", "en"],
    ["ja", "ja"],
    ["ja-JP,ja;q=0.9,en-US;q=0.8", "ja"],
    ["pt-BR", "pt-BR"],
    ["pt-PT,pt;q=0.9", "pt-BR"],
    ["zh-TW,zh;q=0.9", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["de-AT", "de"],
    ["ar-EG,ar;q=0.9,en;q=0.5", "ar"],
    // Weights, not order, decide; ties keep the order given.
    ["en;q=0.5,sv;q=0.9", "sv"],
    ["fr,es", "fr"],
    // Unknown languages fall through to the next range, then to English.
    ["ko-KR,ko;q=0.9,th;q=0.8", "th"],
    ["ko-KR", "en"],
    ["*", "en"],
    ["ja;q=0", "en"],
    ["nonsense;;;q=x,,", "en"],
  ])("%j -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  test("a hostile header costs bounded work", () => {
    expect(negotiateLocale(`${"xx,".repeat(100_000)}ja`)).toBe("en");
  });
});

describe("resolveLocale", () => {
  test("the buyer's choice, then the merchant's setting, then the browser", () => {
    expect(resolveLocale({ chosen: "ar", configured: "de", acceptLanguage: "ja" })).toBe("ar");
    expect(resolveLocale({ chosen: null, configured: "de", acceptLanguage: "ja" })).toBe("de");
    expect(resolveLocale({ chosen: null, configured: "auto", acceptLanguage: "ja" })).toBe("ja");
    // A cookie is the buyer's to edit: a value that is no locale is ignored.
    expect(resolveLocale({ chosen: "klingon", configured: "auto", acceptLanguage: "sv" })).toBe("sv");
  });

  test("what is sent later speaks the buyer's checkout language, else the setting, else English", () => {
    expect(buyerLocale({ buyerLocale: "th", locale: "de" })).toBe("th");
    expect(buyerLocale({ buyerLocale: null, locale: "de" })).toBe("de");
    expect(buyerLocale({ buyerLocale: null, locale: "auto" })).toBe("en");
  });

  test("only Arabic is right to left", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("he" as never)).toBe("ltr");
    expect(textDirection("ja")).toBe("ltr");
  });
});
