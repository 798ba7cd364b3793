// An order's invoice and receipt as PDF files (A4), drawn on the server with PDFKit from an OrderDocument.
// Text of any script prints (./pdf-text.ts, ./fonts.ts); the checkout URL's QR code is drawn as vector squares,
// sharp at any print size; nothing is fetched while rendering.

import PDFDocument from "pdfkit";
import { brandColorOrDefault } from "@/lib/checkout/contrast";
import { paymentLabel } from "@/lib/checkout/display";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translate";
import { hasReceipt, type OrderDocument } from "./order-document";
import { drawLine, drawParagraph, lineHeight, measure, type TextStyle } from "./pdf-text";
import { qrMatrix } from "./qr";

export type OrderPdfKind = "invoice" | "receipt";
type Doc = InstanceType<typeof PDFDocument>;

/** The document's words (the catalogue's `pdf`), and its amounts and dates, in one language. */
interface Words {
  t: Translator<"pdf">;
  money: (minor: number) => string;
  date: (value: Date) => string;
  locale: Locale;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const LEFT = PAGE.margin;
const RIGHT = PAGE.width - PAGE.margin;
const WIDTH = RIGHT - LEFT;
const COLOR = { text: "#0f172a", muted: "#475569", rule: "#cbd5e1", link: "#1d4ed8", bannerFill: "#fef3c7", bannerText: "#78350f" };
const QR_SIZE = 118;

/**
 * The invoice (what is owed, by when, and where to pay it) or the receipt (what was paid, when and how) of an
 * order, in `locale` (a buyer's: the checkout's for a download, `document.locale` for an email). A receipt
 * needs a paid order: asking for one of an order never paid is a programming error (check hasReceipt first)
 * and throws.
 */
export async function renderOrderPdf(kind: OrderPdfKind, document: OrderDocument, locale: Locale): Promise<Buffer> {
  if (kind === "receipt" && !hasReceipt(document)) {
    throw new Error(`Order ${document.order.id} has no receipt: it has not been paid.`);
  }
  const { order, merchant } = document;
  const text: Words = {
    t: translator(locale, "pdf"),
    money: (minor) => formatMoney(minor, order.currency, locale),
    date: (value) => formatDate(value, "dateTime", locale),
    locale,
  };
  const title = kind === "invoice" ? text.t("invoice") : text.t("receipt");
  // Dated by the order, not the clock: the same order renders the same metadata every time.
  const date = kind === "receipt" ? order.paidAt! : order.createdAt;
  const doc = new PDFDocument({
    // No default font: PDFKit would parse Helvetica's metrics for every document, and every piece of text is
    // set in a face of its script (./pdf-text.ts) anyway.
    font: null as unknown as string,
    size: "A4",
    margin: PAGE.margin,
    lang: locale,
    displayTitle: true,
    info: {
      Title: text.t("documentTitle", { document: title, number: order.reference ?? order.id, merchant: merchant.name }),
      Author: merchant.name,
      Subject: order.itemName,
      Creator: "Paylink",
      Producer: "Paylink",
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  let y = header(doc, document, title, text);
  y = details(doc, document, kind, text, y);
  y = kind === "invoice" ? invoiceLines(doc, document, text, y) : receiptLines(doc, document, text, y);
  if (kind === "invoice") payOnline(doc, document, text, y + 28);
  else viewOnline(doc, document, text, y + 28);
  footer(doc, document, text);
  doc.end();
  return finished;
}

const style = (size: number, extra: Omit<TextStyle, "size"> = {}): TextStyle => ({ size, color: COLOR.text, ...extra });

function rule(doc: Doc, y: number) {
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
}

function header(doc: Doc, { merchant, order }: OrderDocument, title: string, text: Words): number {
  doc.rect(0, 0, PAGE.width, 8).fill(brandColorOrDefault(merchant.brandColor));
  const top = 48;
  const nameHeight = drawParagraph(doc, merchant.name, LEFT, top, WIDTH - 200, style(18, { weight: "bold" }), 2);
  drawLine(doc, title, RIGHT, top - 2, style(24, { weight: "bold" }), "right");
  let y = top + Math.max(nameHeight, lineHeight(style(24))) + 12;
  if (!order.livemode) {
    doc.rect(LEFT, y, WIDTH, 24).fill(COLOR.bannerFill);
    drawLine(doc, text.t("testMode"), LEFT + 10, y + 4, style(9.5, { weight: "bold", color: COLOR.bannerText }));
    y += 36;
  }
  return y;
}

/** Who is billed (left) and the order's facts (right). */
function details(doc: Doc, { order, payment }: OrderDocument, kind: OrderPdfKind, { t, date, locale }: Words, top: number): number {
  const facts: [string, string][] = [[t("order"), order.id]];
  if (order.reference) facts.push([t("reference"), order.reference]);
  if (kind === "invoice") {
    facts.push([t("issued"), date(order.createdAt)], [t("due"), date(order.expiresAt)]);
  } else {
    facts.push([t("paidOn"), date(order.paidAt!)], [t("paymentMethod"), payment ? paymentLabel(payment, locale) : "—"]);
  }
  facts.push([t("status"), t(`statuses.${order.status}`)]);

  const labelX = LEFT + 250;
  // The widest label decides where values start: "Fecha de vencimiento" is wider than "Due" (at least 92 pt,
  // at most half the column, so a value keeps room to wrap into).
  const labelWidth = Math.max(...facts.map(([label]) => measure(doc, label, style(9.5, { color: COLOR.muted }))));
  const valueX = labelX + Math.min(Math.max(92, Math.ceil(labelWidth) + 10), (RIGHT - labelX) / 2);
  let right = top;
  for (const [label, value] of facts) {
    drawLine(doc, label, labelX, right, style(9.5, { color: COLOR.muted }));
    right += drawParagraph(doc, value, valueX, right, RIGHT - valueX, style(9.5), 4);
  }

  let left = top;
  const billTo = [order.customerName, order.customerEmail].filter((v): v is string => Boolean(v));
  if (billTo.length > 0) {
    drawLine(doc, t("billTo"), LEFT, left, style(9.5, { color: COLOR.muted }));
    left += lineHeight(style(9.5));
    for (const line of billTo) left += drawParagraph(doc, line, LEFT, left, 230, style(10.5), 2);
  }
  return Math.max(left, right) + 24;
}

function itemHeader(doc: Doc, { t }: Words, top: number): number {
  drawLine(doc, t("item"), LEFT, top, style(9, { color: COLOR.muted, weight: "bold" }));
  drawLine(doc, t("amount"), RIGHT, top, style(9, { color: COLOR.muted, weight: "bold" }), "right");
  const y = top + lineHeight(style(9)) + 2;
  rule(doc, y);
  return y + 10;
}

/** The item (name, description) with its amount; answers where the next line goes. */
function item(doc: Doc, { order }: OrderDocument, { money }: Words, amount: number, top: number): number {
  drawLine(doc, money(amount), RIGHT, top, style(11), "right");
  let y = top + drawParagraph(doc, order.itemName, LEFT, top, WIDTH - 160, style(11, { weight: "bold" }), 3);
  if (order.description) y += drawParagraph(doc, order.description, LEFT, y + 2, WIDTH - 160, style(9.5, { color: COLOR.muted }), 12) + 2;
  rule(doc, y + 8);
  return y + 18;
}

function totalLine(doc: Doc, label: string, value: string, top: number, size = 11, weight: TextStyle["weight"] = "regular"): number {
  drawLine(doc, label, RIGHT - 170, top, style(size, { weight }), "right");
  drawLine(doc, value, RIGHT, top, style(size, { weight }), "right");
  return top + lineHeight(style(size));
}

function invoiceLines(doc: Doc, document: OrderDocument, text: Words, top: number): number {
  const { order } = document;
  let y = item(doc, document, text, order.amount, itemHeader(doc, text, top));
  const due = order.status === "open" || order.status === "processing";
  y = totalLine(doc, due ? text.t("totalDue") : text.t("total"), text.money(order.amount), y, 13, "bold");
  return y;
}

function receiptLines(doc: Doc, document: OrderDocument, text: Words, top: number): number {
  const { order, merchant } = document;
  const { t, money } = text;
  const paid = order.amountCaptured ?? order.amount;
  let y = top + drawParagraph(doc, t("receiptThanks", { merchant: merchant.name }), LEFT, top, WIDTH, style(11), 2) + 10;
  y = item(doc, document, text, paid, itemHeader(doc, text, y));
  y = totalLine(doc, t("amountPaid"), money(paid), y, 13, "bold");
  // A void cancels the payment before it is charged; refunds give back part or all of a charged one.
  const returned = order.status === "voided" ? paid : order.amountRefunded;
  if (returned > 0) {
    y = totalLine(doc, order.status === "voided" ? t("voided") : t("refunded"), t("deduction", { amount: money(returned) }), y + 4);
    y = totalLine(doc, t("netAmount"), money(paid - returned), y, 11, "bold");
  }
  return y;
}

/** The checkout URL and its QR code: where the buyer pays (or, once paid, sees the order). */
function payOnline(doc: Doc, { order, checkoutUrl }: OrderDocument, { t }: Words, top: number) {
  const payable = order.status === "open" || order.status === "processing";
  drawQr(doc, checkoutUrl, LEFT, top, QR_SIZE);
  const x = LEFT + QR_SIZE + 20;
  let y = top + 8;
  drawLine(doc, payable ? t("payOnline") : t("viewOnline"), x, y, style(12, { weight: "bold" }));
  y += lineHeight(style(12));
  y += drawParagraph(doc, payable ? t("payOnlineHint") : t("viewOnlineHint"), x, y, RIGHT - x, style(9.5, { color: COLOR.muted }), 2);
  drawParagraph(doc, checkoutUrl, x, y + 2, RIGHT - x, style(9, { color: COLOR.link, link: checkoutUrl }), 4);
}

function viewOnline(doc: Doc, { checkoutUrl }: OrderDocument, { t }: Words, top: number) {
  drawLine(doc, t("viewOnline"), LEFT, top, style(10, { weight: "bold" }));
  drawParagraph(doc, checkoutUrl, LEFT, top + lineHeight(style(10)), WIDTH, style(9, { color: COLOR.link, link: checkoutUrl }), 3);
}

/** The QR code as filled squares (one rectangle per horizontal run of dark modules), quiet zone included in `size`. */
function drawQr(doc: Doc, url: string, x: number, y: number, size: number) {
  const qr = qrMatrix(url);
  const unit = size / (qr.size + 2 * qr.margin);
  const origin = { x: x + qr.margin * unit, y: y + qr.margin * unit };
  for (let row = 0; row < qr.size; row++) {
    for (let column = 0; column < qr.size; ) {
      if (!qr.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < qr.size && qr.isDark(row, column)) column++;
      // A hair taller than a module, so no seam shows between rows when a viewer smooths the edges.
      doc.rect(origin.x + start * unit, origin.y + row * unit, (column - start) * unit, unit + 0.05);
    }
  }
  doc.fill("#000000");
}

function footer(doc: Doc, { merchant, order }: OrderDocument, { t }: Words) {
  const top = PAGE.height - PAGE.margin + 8;
  rule(doc, top - 8);
  drawParagraph(doc, t("footer", { merchant: merchant.name }), LEFT, top, WIDTH - 180, style(8.5, { color: COLOR.muted }), 1);
  drawLine(doc, order.id, RIGHT, top, style(8.5, { color: COLOR.muted }), "right");
}
