import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGUES } from "@/lib/i18n/translate";
import { CURRENCIES } from "@/lib/money/currencies";
import { FACES, faceHas, fontFile, loadFont } from "./fonts";
import { facesOf } from "./script-runs";

/** The characters of `text` that the face chosen for them cannot draw. */
function undrawable(text: string, weight: "regular" | "bold" = "regular"): string[] {
  const chars = [...text];
  const faces = facesOf(chars, faceHas);
  return chars.filter((char, i) => !loadFont(faces[i]!, weight).hasGlyphForCodePoint(char.codePointAt(0)!));
}

describe("the PDF fonts", () => {
  test("are files installed with the packages, one font each", () => {
    for (const face of FACES) {
      for (const weight of ["regular", "bold"] as const) {
        expect(existsSync(fontFile(face, weight)), `${face} ${weight}`).toBe(true);
        expect(loadFont(face, weight).unitsPerEm).toBeGreaterThan(0);
      }
    }
  });

  test("draw every currency's amounts as Paylink formats them in every language (symbols such as € £ ¥ ₩ ₹ ฿)", () => {
    const missing = LOCALES.flatMap((locale) =>
      CURRENCIES.flatMap(({ code }) => undrawable(formatMoney(123456789, code, locale)).map((char) => `${locale} ${code}: U+${char.codePointAt(0)!.toString(16)}`)),
    );
    expect(missing).toEqual([]);
    expect(undrawable("€ £ ¥ ₩ ₹ ₫ ₱ ₦ ₪ ₺ ₽ ฿ −")).toEqual([]);
  });

  test("draw the PDFs' words and dates in every language", () => {
    const missing = LOCALES.flatMap((locale) => {
      const words = [...Object.values(CATALOGUES[locale].pdf).flatMap((v) => (typeof v === "string" ? [v] : Object.values(v))), formatDate(new Date(), "dateTime", locale)];
      return words.flatMap((text) => undrawable(text, "bold")).map((char) => `${locale}: U+${char.codePointAt(0)!.toString(16)}`);
    });
    expect(missing).toEqual([]);
  });

  test.each([
    ["English", "Annual membership — “Pro” plan, 12 months • Visa •••• 4242"],
    ["German and French", "Jahresbeitrag für Mitglieder · Cotisation annuelle à régler"],
    ["Simplified Chinese", "会员年费（含税）。"],
    ["Japanese", "東京の本屋・年間購読ー円"],
    ["Thai", "บัตรสมาชิกรายปี สำหรับ ๒๕๖๙"],
    ["Arabic", "اشتراك سنوي لمدة ١٢ شهرًا، مدفوع؟"],
  ])("draw %s text, in both weights", (_name, text) => {
    expect(undrawable(text)).toEqual([]);
    expect(undrawable(text, "bold")).toEqual([]);
  });
});
