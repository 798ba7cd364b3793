import PDFDocument from "pdfkit";
import { expect, test } from "vitest";
import { measure, wrap, type TextStyle } from "./pdf-text";

// wrap() answers a paragraph that fits with one measure; one that does not is broken word by word. Either way
// no line is wider than asked, and nothing is lost but the spaces a break replaces.

const doc = () => new PDFDocument({ font: null as unknown as string, size: "A4" });
const style: TextStyle = { size: 9.5 };
const texts = [
  "ord_00VdABr6N001S6NtKelmBCoQ4",
  "Dec 7, 2026, 10:00:05 AM",
  "https://pay.example.com/o/XXC0gZ7xnUzj1TbYgpAbjmjXHcOe1UIj?src=pdf",
  "Bench Buyer  ",
  "会员 2025 · ชุดของขวัญ · هدية",
];

test("text exactly as wide as the line stays on it, trailing spaces trimmed", () => {
  const d = doc();
  for (const text of texts) expect(wrap(d, text, measure(d, text, style), style)).toEqual([text.trimEnd()]);
});

test("text a hair wider than the line breaks, and every line fits", () => {
  const d = doc();
  for (const text of texts) {
    const width = measure(d, text, style) - 0.01;
    const lines = wrap(d, text, width, style);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(d, line, style)).toBeLessThanOrEqual(width);
    expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  }
});

test("each paragraph is wrapped on its own, and a cut last line ends in an ellipsis", () => {
  const d = doc();
  const width = measure(d, "Warm socks", style);
  expect(wrap(d, "Warm socks\nCold feet", width, style)).toEqual(["Warm socks", "Cold feet"]);
  const cut = wrap(d, "Warm socks, twice. Warm socks, twice. Warm socks, twice.", width, style, 2);
  expect(cut).toHaveLength(2);
  expect(cut[1]!.endsWith("…")).toBe(true);
  expect(measure(d, cut[1]!, style)).toBeLessThanOrEqual(width);
});

test("a word wider than the line is cut between characters, each line as full as it can be", () => {
  const d = doc();
  // Each one word to Intl.Segmenter (a URL is several: it breaks at their boundaries first).
  for (const word of ["ord_00VdABr6N001S6NtKelmBCoQ4", "XXC0gZ7xnUzj1TbYgpAbjmjXHcOe1UIj", "WWWWWWiiiiiiWWWWWW"]) {
    for (const width of [12, 40, 61.5, 100]) {
      const lines = wrap(d, word, width, style);
      expect(lines.join("")).toBe(word);
      lines.forEach((line, i) => {
        // Over the width only when one character alone is wider than it.
        if ([...line].length > 1) expect(measure(d, line, style)).toBeLessThanOrEqual(width);
        const next = lines[i + 1];
        if (next) expect(measure(d, line + [...next][0]!, style)).toBeGreaterThan(width);
      });
    }
  }
});
