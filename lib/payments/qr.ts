// QR images of a payment payload (lib/payments/emv-qr.ts) for the checkout to show. Pure: text in, image out.
// Error correction "M" and a 2-module quiet zone: banking apps read it reliably on a phone screen while the
// symbol stays small enough to fit beside the amount.

import QRCode from "qrcode";

export interface QrOptions {
  /** Width and height in pixels; without it the SVG scales to its container. */
  size?: number;
  /** What a screen reader announces. */
  label?: string;
}

const RENDER = { errorCorrectionLevel: "M", margin: 2 } as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An SVG string with role="img", an aria-label and a <title>, ready to inline in the page. */
export async function qrSvg(text: string, { size, label = "QR code" }: QrOptions = {}): Promise<string> {
  const svg = await QRCode.toString(text, { ...RENDER, type: "svg", ...(size === undefined ? {} : { width: size }) });
  const name = escapeXml(label);
  return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${name}"><title>${name}</title>`);
}

/** A "data:image/png;base64,…" URL, for an <img> or a download link. */
export function qrPngDataUrl(text: string, { size }: Pick<QrOptions, "size"> = {}): Promise<string> {
  return QRCode.toDataURL(text, { ...RENDER, type: "image/png", ...(size === undefined ? {} : { width: size }) });
}
