import { describe, expect, test } from "vitest";
import { brandColorOrDefault, contrastRatio, DARK_TEXT, LIGHT_TEXT, readableTextOn, relativeLuminance } from "./contrast";

describe("contrast", () => {
  test("luminance of the extremes", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 10);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 10);
  });

  test.each([
    ["#4f46e5", LIGHT_TEXT], // the default indigo
    ["#000000", LIGHT_TEXT],
    ["#ffffff", DARK_TEXT],
    ["#facc15", DARK_TEXT], // yellow
    ["#22c55e", DARK_TEXT], // a light green where white would fail (2.3:1)
    ["#b91c1c", LIGHT_TEXT],
  ])("%s takes %s", (background, text) => {
    expect(readableTextOn(background)).toBe(text);
  });

  test("the chosen text reaches AA (4.5:1) on every colour", () => {
    let worst = 21;
    const hex = (v: number) => v.toString(16).padStart(2, "0");
    for (let r = 0; r <= 255; r += 5) {
      for (let g = 0; g <= 255; g += 5) {
        for (let b = 0; b <= 255; b += 5) {
          const background = `#${hex(r)}${hex(g)}${hex(b)}`;
          worst = Math.min(worst, contrastRatio(background, readableTextOn(background)));
        }
      }
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  test("anything but #rrggbb falls back to the default brand colour", () => {
    expect(brandColorOrDefault("#ABCDEF")).toBe("#abcdef");
    expect(brandColorOrDefault("red")).toBe("#4f46e5");
    expect(brandColorOrDefault("#fff; background: url(x)")).toBe("#4f46e5");
    expect(brandColorOrDefault(null)).toBe("#4f46e5");
  });
});
