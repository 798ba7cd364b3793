// QR codes of checkout URLs to print and share: the link's and the order's /qr.svg and /qr.png, and the one on
// the invoice PDF. Pure: text in, image out. Unlike the payment QR shown on a phone screen (lib/payments/qr.ts),
// these keep the 4-module quiet zone the QR standard asks for, since a printed code sits on whatever the
// merchant prints around it; error correction "M" survives a smudge or a fold.

import QRCode from "qrcode";

const RENDER = { errorCorrectionLevel: "M", margin: 4 } as const;

/** The PNG's width and height in pixels: ~1024 by default (8.7 cm at 300 dpi), any whole number within the bounds. */
export const QR_PNG_SIZE = { default: 1024, min: 128, max: 2048 } as const;

/**
 * A standalone SVG document (a file of its own, not markup to inline), 1024 units wide by default and scalable
 * to any size without losing sharpness (viewBox, crisp edges).
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...RENDER, type: "svg", width: QR_PNG_SIZE.default });
}

/** A square PNG of `size` pixels (quiet zone included). */
export async function qrPng(url: string, size: number = QR_PNG_SIZE.default): Promise<Buffer> {
  if (!Number.isInteger(size) || size < QR_PNG_SIZE.min || size > QR_PNG_SIZE.max) {
    throw new RangeError(`QR size must be a whole number of pixels from ${QR_PNG_SIZE.min} to ${QR_PNG_SIZE.max}, got ${size}`);
  }
  return QRCode.toBuffer(url, { ...RENDER, type: "png", width: size });
}

/**
 * The `?size=` of a PNG request: absent means the default; digits within the bounds are that size; anything
 * else (a word, a fraction, a size out of bounds) is null, for the route to refuse rather than guess.
 */
export function parseQrSize(raw: string | null): number | null {
  if (raw === null) return QR_PNG_SIZE.default;
  if (!/^\d{1,5}$/.test(raw)) return null;
  const size = Number(raw);
  return size >= QR_PNG_SIZE.min && size <= QR_PNG_SIZE.max ? size : null;
}

/** The symbol's modules, for drawing it as vector shapes (the PDF): `size` × `size`, quiet zone not included. */
export interface QrMatrix {
  size: number;
  /** The quiet zone to leave around the symbol, in modules. */
  margin: number;
  isDark(row: number, column: number): boolean;
}

export function qrMatrix(url: string): QrMatrix {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: RENDER.errorCorrectionLevel });
  return { size: modules.size, margin: RENDER.margin, isDark: (row, column) => modules.get(row, column) === 1 };
}
