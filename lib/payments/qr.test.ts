import { PNG } from "pngjs";
import QRCode from "qrcode";
import { describe, expect, test } from "vitest";
import { decodeQrPng } from "@/test/qr-decode";
import { pixPayload, promptPayPayload } from "./emv-qr";
import { qrPngDataUrl, qrSvg } from "./qr";

const PAYLOADS = {
  promptpay: promptPayPayload({ target: "081-234-5678", amountMinor: 123456 }),
  pix: pixPayload({
    key: "123e4567-e12b-12d1-a456-426655440000",
    merchantName: "Padaria Pão de Açúcar",
    merchantCity: "São Paulo",
    amountMinor: 4990,
    txid: "PEDIDO12345",
  }),
};

function pngOfDataUrl(url: string): Buffer {
  expect(url.startsWith("data:image/png;base64,")).toBe(true);
  return Buffer.from(url.slice("data:image/png;base64,".length), "base64");
}

describe("QR codes scan back to the exact payload", () => {
  test.each(Object.entries(PAYLOADS))("%s, rendered by qrcode's toBuffer", async (_, payload) => {
    const png = await QRCode.toBuffer(payload, { errorCorrectionLevel: "M", margin: 2 });
    expect(decodeQrPng(png)).toBe(payload);
  });

  test.each(Object.entries(PAYLOADS))("%s, rendered by qrPngDataUrl", async (_, payload) => {
    expect(decodeQrPng(pngOfDataUrl(await qrPngDataUrl(payload)))).toBe(payload);
    expect(decodeQrPng(pngOfDataUrl(await qrPngDataUrl(payload, { size: 320 })))).toBe(payload);
  });

  test("a PNG without a QR code decodes to null", () => {
    const blank = new PNG({ width: 64, height: 64 });
    blank.data.fill(255);
    expect(decodeQrPng(PNG.sync.write(blank))).toBeNull();
  });
});

describe("qrSvg", () => {
  test("is an SVG a screen reader can name", async () => {
    const svg = await qrSvg(PAYLOADS.pix, { label: "PIX code for R$ 49,90" });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="PIX code for R\$ 49,90"><title>PIX code for R\$ 49,90<\/title>/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  test("has a default label, and escapes the label it is given", async () => {
    expect(await qrSvg("hello")).toContain('aria-label="QR code"><title>QR code</title>');
    const svg = await qrSvg("hello", { label: `Pay "Tom & Jerry" <shop>` });
    expect(svg).toContain('aria-label="Pay &quot;Tom &amp; Jerry&quot; &lt;shop&gt;"');
    expect(svg).not.toContain("<shop>");
  });

  test("size sets the width and height; without it the SVG scales", async () => {
    expect(await qrSvg("hello", { size: 240 })).toMatch(/^<svg [^>]*width="240" height="240"/);
    expect(await qrSvg("hello")).not.toMatch(/^<svg [^>]*width=/);
  });
});
