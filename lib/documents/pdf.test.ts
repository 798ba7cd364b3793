import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import type { OrderDocument } from "./order-document";
import { renderOrderPdf } from "./pdf";

// Rendering remembers shaped runs across documents (fonts.ts layoutFont) and the cut of each string
// (pdf-text.ts): a document drawn from what an earlier one left behind must be the same document.

const work = await mkdtemp(join(tmpdir(), "paylink-pdf-unit-"));
afterAll(() => rm(work, { recursive: true, force: true }));

function receipt(itemName: string, description: string | null): OrderDocument {
  const at = new Date("2026-12-07T10:00:00Z");
  return {
    merchant: { name: "Bench Shop", brandColor: "#4f46e5", logoUrl: null },
    order: {
      id: "ord_01JABCDEFGHJKMNPQRSTVWXYZ0", livemode: false, reference: "INV-7", status: "paid", itemName, description,
      amount: 1500, amountCaptured: 1500, amountRefunded: 0, currency: "USD", customerName: "Bo Berg", customerEmail: "bo@example.com",
      createdAt: at, expiresAt: at, paidAt: at,
    },
    payment: { method: "card", cardBrand: "visa", cardLast4: "4242", details: null },
    checkoutUrl: "https://pay.example.com/o/XXC0gZ7xnUzj1TbYgpAbjmjXHcOe1UIj?src=pdf",
    locale: "en",
    configuredLocale: "en",
  };
}

test("a receipt drawn again, from runs an earlier document shaped, is the same file, and reads the same", async () => {
  // Latin, CJK, Thai and Arabic, a description long enough to wrap: every face, wrapped lines, repeated words.
  const document = receipt("会员 2025 · ชุดของขวัญ · هدية", "A long description that wraps over lines, with words said twice: twice, twice. ".repeat(3));
  const first = await renderOrderPdf("receipt", document, "en");
  // Another document in between, sharing some words but not all.
  await renderOrderPdf("invoice", receipt("Socks", "Warm socks, twice."), "en");
  const again = await renderOrderPdf("receipt", document, "en");
  expect(again.equals(first)).toBe(true);

  const file = join(work, "receipt.pdf");
  await writeFile(file, again);
  const { stdout } = await promisify(execFile)("pdftotext", ["-enc", "UTF-8", file, "-"]);
  expect(stdout).toContain("Bench Shop");
  expect(stdout).toContain("twice, twice.");
  expect(stdout).toContain("$15.00");
});
