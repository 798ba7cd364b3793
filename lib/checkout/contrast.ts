// Text on the merchant's brand colour must stay readable (WCAG 2.x AA, 4.5:1 for normal text) whatever
// colour the merchant picked. Pure: the checkout asks it when it paints the brand band and the Pay button.

export const DEFAULT_BRAND_COLOR = "#4f46e5";
export const LIGHT_TEXT = "#ffffff";
/**
 * Black rather than a softer near-black on purpose: with white and black as the two choices, one of them
 * always reaches at least 4.58:1 on any colour; a near-black as light as #111827 would leave a band of
 * mid-tone colours at about 4.2:1.
 */
export const DARK_TEXT = "#000000";

const HEX = /^#([0-9a-f]{6})$/i;

/** The colour when it is a `#rrggbb` value, else the default brand colour. */
export function brandColorOrDefault(color: string | null | undefined): string {
  return color && HEX.test(color) ? color.toLowerCase() : DEFAULT_BRAND_COLOR;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const match = HEX.exec(hex);
  if (!match) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(match[1]!, 16);
  return 0.2126 * channel((n >> 16) & 0xff) + 0.7152 * channel((n >> 8) & 0xff) + 0.0722 * channel(n & 0xff);
}

/** WCAG contrast ratio between two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or black, whichever reads better on `background`. */
export function readableTextOn(background: string): typeof LIGHT_TEXT | typeof DARK_TEXT {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}
