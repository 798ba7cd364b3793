// Reads a QR code back out of a PNG, so tests can check that what the checkout renders scans to the exact payload.

import jsQR from "jsqr";
import { PNG } from "pngjs";

/** The text of the QR code in the PNG, or null when none is found. */
export function decodeQrPng(buffer: Buffer): string | null {
  const png = PNG.sync.read(buffer);
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  return code?.data ?? null;
}
