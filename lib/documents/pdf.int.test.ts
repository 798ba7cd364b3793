import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { merchants } from "@/db/schema";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { createOrder } from "@/lib/services/create-order";
import { payOrder } from "@/lib/services/pay-order";
import { refundOrder } from "@/lib/services/refund-order";
import { settleOrders } from "@/lib/services/settle-orders";
import { submitRefunds } from "@/lib/services/submit-refunds";
import { voidOrder } from "@/lib/services/void-order";
import { openPrivateTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, withNotificationReceiver } from "@/test/payments";
import { decodeQrPng } from "@/test/qr-decode";
import { hasReceipt, loadOrderDocumentById, loadOrderDocumentByToken, type OrderDocument } from "./order-document";
import { renderOrderPdf, type OrderPdfKind } from "./pdf";

// The invoice and receipt PDFs of real orders, read back with poppler's pdftotext and pdftoppm (Debian:
// poppler-utils) as a person's PDF reader would show them. A database of its own: refunds are settled by the
// simulator's global sweep, which must not reach other files' refunds.
const { db } = await openPrivateTestDatabase("paylink_documents");
const receiver = await withNotificationReceiver(db);
const paymentContext = receiver.paymentContext;
const APP_URL = paymentContext.appUrl;
const work = await mkdtemp(join(tmpdir(), "paylink-pdf-"));
afterAll(async () => {
  await receiver.close();
  await rm(work, { recursive: true, force: true });
});

const run = promisify(execFile);
let files = 0;

async function pdfFile(pdf: Buffer): Promise<string> {
  const path = join(work, `${++files}.pdf`);
  await writeFile(path, pdf);
  return path;
}

/** The text of the PDF's pages, as `pdftotext -layout` lays it out; bidi control marks dropped. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", await pdfFile(pdf), "-"]);
  return stdout.replace(/[\u200e\u200f\u202a-\u202e]/g, "");
}

/** The first page as a PNG at 150 dpi. */
async function pageImage(pdf: Buffer): Promise<Buffer> {
  const path = await pdfFile(pdf);
  await run("pdftoppm", ["-r", "150", "-png", "-singlefile", path, path]);
  return readFile(`${path}.png`);
}

const scope = await newMerchantScope(db);
const ctx = { ...scope, ...paymentContext };
await db.update(merchants).set({ name: "Demo Books Tokyo" }).where(eq(merchants.id, scope.merchantId));

let references = 0;
async function order(input: { amount: number; currency: string; item_name: string; description?: string }) {
  const reference = `INV-${Date.now()}-${++references}`;
  const created = await createOrder(db, ctx, { ...input, reference, customer: { name: "Ana Buyer", email: "ana@example.com" } });
  const token = new URL(created.url).pathname.split("/").pop()!;
  const document = await loadOrderDocumentById(db, scope, created.id, APP_URL);
  return { id: created.id, token, reference, document: document! };
}

async function render(kind: OrderPdfKind, document: OrderDocument, locale: Locale = "en") {
  const pdf = await renderOrderPdf(kind, document, locale);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return { pdf, text: await pdfText(pdf) };
}

describe("the invoice", () => {
  test.each([
    { currency: "JPY", amount: 1500, item_name: "会员年费", shown: "¥1,500" },
    { currency: "USD", amount: 12345, item_name: "Single-origin coffee, 1 kg", shown: "$123.45" },
    { currency: "KWD", amount: 1234, item_name: "اشتراك سنوي", shown: "KWD 1.234" },
    { currency: "THB", amount: 99900, item_name: "บัตรสมาชิกรายปี", shown: "THB 999.00" },
    { currency: "JPY", amount: 3300, item_name: "東京の本屋・年間購読", shown: "¥3,300" },
  ])("$item_name in $currency: item, amount in the currency's format, reference, due date, checkout URL", async ({ currency, amount, item_name, shown }) => {
    const { id, token, reference, document } = await order({ currency, amount, item_name });
    const { text } = await render("invoice", document);
    expect(text).toContain("Invoice");
    expect(text).toContain("Demo Books Tokyo");
    expect(text).toContain(item_name);
    expect(text).toContain(shown);
    expect(text).toContain(reference);
    expect(text).toContain(id);
    expect(text).toMatch(/Awaiting payment/);
    expect(text).toMatch(new RegExp(`Due\\s+${formatDate(document.order.expiresAt, "dateTime", "en")}`));
    // The URL may wrap onto a second line.
    expect(text.replace(/\s+/g, "")).toContain(`${APP_URL}/o/${token}?src=pdf`);
    expect(text).toContain("TEST MODE");
  });

  test("prints the description under the item, wrapped, in any script", async () => {
    const description = "Twelve monthly issues, delivered to your door. 毎月お届けします。ส่งถึงบ้านทุกเดือน";
    const { document } = await order({ currency: "EUR", amount: 4990, item_name: "Magazine", description });
    const { text } = await render("invoice", document);
    expect(text.replace(/\s+/g, "")).toContain(description.replace(/\s+/g, ""));
    expect(text).toContain("€49.90");
  });

  test("is in the buyer's language: its amounts and dates as that locale writes them", async () => {
    const { document } = await order({ currency: "EUR", amount: 4990, item_name: "Magazin" });
    expect(document.locale).toBe("en");
    const { text } = await render("invoice", document, "de");
    const spaced = (words: string) => words.replace(/[\u00a0\u202f]/g, " ");
    expect(spaced(text)).toContain(spaced(formatMoney(4990, "EUR", "de")));
    expect(spaced(text)).toContain(spaced(formatDate(document.order.expiresAt, "dateTime", "de")));
  });

  test("its QR code scans to the checkout URL marked src=pdf", async () => {
    const { token, document } = await order({ currency: "USD", amount: 500, item_name: "Sticker" });
    const { pdf } = await render("invoice", document);
    expect(document.checkoutUrl).toBe(`${APP_URL}/o/${token}?src=pdf`);
    expect(decodeQrPng(await pageImage(pdf))).toBe(document.checkoutUrl);
  });

  test("carries metadata: title, the merchant as author, dated by the order", async () => {
    const { reference, document } = await order({ currency: "USD", amount: 500, item_name: "Sticker" });
    const { pdf } = await render("invoice", document);
    const { stdout } = await run("pdfinfo", ["-isodates", await pdfFile(pdf)]);
    expect(stdout).toMatch(new RegExp(`Title:\\s+Invoice ${reference} · Demo Books Tokyo`));
    expect(stdout).toMatch(/Author:\s+Demo Books Tokyo/);
    expect(stdout).toMatch(/Pages:\s+1\n/);
    expect(stdout).toContain(`CreationDate:    ${document.order.createdAt.toISOString().slice(0, 19)}`);
  });

  test("is the same order by token and by id; another merchant's id or a bad token finds nothing", async () => {
    const { id, token, document } = await order({ currency: "USD", amount: 700, item_name: "Mug" });
    expect(await loadOrderDocumentByToken(db, token, APP_URL)).toEqual(document);
    const other = await newMerchantScope(db);
    expect(await loadOrderDocumentById(db, other, id, APP_URL)).toBeNull();
    expect(await loadOrderDocumentById(db, { ...scope, livemode: true }, id, APP_URL)).toBeNull();
    expect(await loadOrderDocumentByToken(db, "not a token", APP_URL)).toBeNull();
    expect(await loadOrderDocumentByToken(db, "A".repeat(32), APP_URL)).toBeNull();
  });
});

describe("the receipt", () => {
  test("is refused for an order never paid, and printed once it is: amount, date, card, order", async () => {
    const { id, token, reference, document } = await order({ currency: "JPY", amount: 1500, item_name: "会员年费" });
    expect(hasReceipt(document)).toBe(false);
    await expect(renderOrderPdf("receipt", document, "en")).rejects.toThrow(/has no receipt/);

    expect((await payOrder(db, paymentContext, token, cardBuyer())).kind).toBe("paid");
    const paid = (await loadOrderDocumentById(db, scope, id, APP_URL))!;
    expect(hasReceipt(paid)).toBe(true);
    const { text } = await render("receipt", paid);
    expect(text).toContain("Receipt");
    expect(text).toContain("会员年费");
    expect(text).toMatch(/Amount paid\s+¥1,500/);
    expect(text).toContain("Visa •••• 4242");
    expect(text).toContain(reference);
    expect(text).toContain(id);
    expect(text).toMatch(/Paid on\s+\w{3} \d{1,2}, \d{4}/);
    expect(text).not.toContain("Refunded");

    // The paid order's invoice says so, and no longer asks for payment.
    const invoice = await render("invoice", paid);
    expect(invoice.text).toMatch(/Status\s+Paid/);
    expect(invoice.text).not.toContain("Total due");
  });

  test("shows what was refunded, and what remains paid", async () => {
    const { id, token } = await order({ currency: "KWD", amount: 1234, item_name: "اشتراك سنوي" });
    await payOrder(db, paymentContext, token, cardBuyer("5555555555554444"));
    await settleOrders(db, paymentContext, scope);
    await refundOrder(db, ctx, id, { amount: 234 });
    await submitRefunds(db, paymentContext);
    await receiver.sweep();
    const refunded = (await loadOrderDocumentById(db, scope, id, APP_URL))!;
    expect(refunded.order).toMatchObject({ status: "partially_refunded", amountRefunded: 234 });
    const { text } = await render("receipt", refunded);
    expect(text).toContain("اشتراك سنوي");
    expect(text).toContain("Mastercard •••• 4444");
    expect(text).toMatch(/Amount paid\s+KWD 1\.234/);
    expect(text).toMatch(/Refunded\s+−KWD 0\.234/);
    expect(text).toMatch(/Net amount paid\s+KWD 1\.000/);
    expect(text).toMatch(/Status\s+Partially refunded/);
  });

  test("of a voided payment says it was never charged", async () => {
    const { id, token } = await order({ currency: "USD", amount: 500, item_name: "Sticker" });
    await payOrder(db, paymentContext, token, cardBuyer());
    await voidOrder(db, ctx, id);
    const { text } = await render("receipt", (await loadOrderDocumentById(db, scope, id, APP_URL))!);
    expect(text).toMatch(/Amount paid\s+\$5\.00/);
    expect(text).toMatch(/Voided, not charged\s+−\$5\.00/);
    expect(text).toMatch(/Net amount paid\s+\$0\.00/);
    expect(text).toMatch(/Status\s+Voided/);
  });
});
