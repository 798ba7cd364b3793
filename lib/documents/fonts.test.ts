import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { formatAmount } from "@/lib/checkout/display";
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

  test("draw every currency's amounts as Paylink formats them (symbols such as € £ ¥ ₩ ₹ ฿)", () => {
    const missing = CURRENCIES.flatMap(({ code }) => undrawable(formatAmount(123456789, code)).map((char) => `${code}: ${char}`));
    expect(missing).toEqual([]);
    expect(undrawable("€ £ ¥ ₩ ₹ ₫ ₱ ₦ ₪ ₺ ₽ ฿ −")).toEqual([]);
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
