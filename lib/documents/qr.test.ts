import { PNG } from "pngjs";
import { describe, expect, test } from "vitest";
import { decodeQrPng } from "@/test/qr-decode";
import { parseQrSize, qrMatrix, qrPng, qrSvg, QR_PNG_SIZE } from "./qr";

const LINK = "https://pay.example.com/l/6kR2w9ZbQp4sT8vX1yN3mJ7cH5fD0aLe?src=qr";
const ORDER = "https://pay.example.com/o/Zq8Xv3Lm0Np6Rt2Ws9Ky4Jd7Hb1Fc5Ga?src=pdf";

describe("qrPng", () => {
  test.each([LINK, ORDER])("scans back to %s", async (url) => {
    expect(decodeQrPng(await qrPng(url))).toBe(url);
  });

  test("is the size asked for, 1024 pixels by default, from the smallest to the largest", async () => {
    for (const size of [QR_PNG_SIZE.min, 300, QR_PNG_SIZE.max]) {
      const png = PNG.sync.read(await qrPng(LINK, size));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    expect(PNG.sync.read(await qrPng(LINK)).width).toBe(1024);
  });

  test("still scans at the smallest size (about 3 pixels a module)", async () => {
    expect(decodeQrPng(await qrPng(ORDER, QR_PNG_SIZE.min))).toBe(ORDER);
  });

  test("keeps a quiet zone of 4 modules: the border is white", async () => {
    const png = PNG.sync.read(await qrPng(LINK, 1024));
    const { size, margin } = qrMatrix(LINK);
    const quiet = Math.floor((margin / (size + 2 * margin)) * 1024) - 1;
    for (let i = 0; i < 1024; i += 7) {
      for (const [x, y] of [[i, quiet], [quiet, i], [i, 1023 - quiet], [1023 - quiet, i]] as const) {
        expect(png.data[(y * 1024 + x) * 4], `pixel ${x},${y}`).toBe(255);
      }
    }
  });

  test("refuses a size outside the bounds", async () => {
    await expect(qrPng(LINK, 64)).rejects.toThrow(RangeError);
    await expect(qrPng(LINK, 4096)).rejects.toThrow(RangeError);
    await expect(qrPng(LINK, 300.5)).rejects.toThrow(RangeError);
  });
});

describe("qrSvg", () => {
  test("is a standalone, scalable SVG of the same symbol", async () => {
    const svg = await qrSvg(LINK);
    const { size, margin } = qrMatrix(LINK);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1024" height="1024" /);
    expect(svg).toContain(`viewBox="0 0 ${size + 2 * margin} ${size + 2 * margin}"`);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });
});

describe("qrMatrix", () => {
  test("draws the same symbol as the PNG: its finder patterns are where a QR code has them", () => {
    const { size, isDark } = qrMatrix(ORDER);
    expect(size).toBeGreaterThanOrEqual(21);
    for (const [row, column] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
      expect(isDark(row, column) && isDark(row + 6, column + 6) && !isDark(row + 1, column + 1) && isDark(row + 3, column + 3)).toBe(true);
    }
  });
});

describe("parseQrSize", () => {
  test.each([
    [null, 1024],
    ["128", 128],
    ["512", 512],
    ["2048", 2048],
  ])("%s → %s", (raw, size) => expect(parseQrSize(raw)).toBe(size));

  test.each(["", "127", "2049", "99999", "1e3", "512.0", "-512", " 512", "0x200", "big", "100000000000"])("%j is refused", (raw) => {
    expect(parseQrSize(raw)).toBeNull();
  });
});
