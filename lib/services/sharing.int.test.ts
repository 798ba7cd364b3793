import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { outboxEmail, type EmailTransport } from "@/lib/messaging/email-transport";
import type { Messaging } from "@/lib/messaging/config";
import { sendMessage } from "./send-message";
import { merchants, messages, paymentLinks } from "@/db/schema";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { getLinkFunnel } from "./link-funnel";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import { recordLinkVisit } from "./record-link-visit";
import { sendOrder, sendPaymentLink } from "./send-payment-request";
import { updatePaymentLink } from "./update-payment-link";

// Where buyers come from (the funnel by `src`), sending links and orders, and the receipt queued when an
// order is paid — against a real PostgreSQL, through the services the routes and the checkout call.

const { db } = await openTestDatabase();
// Test-mode receipts count against the hourly sending allowance: small here, so the cap is reached.
const SEND_MAX_PER_HOUR = 3;
const paymentContext = { ...simulatorContext(db), sendMaxPerHour: SEND_MAX_PER_HOUR };
const appUrl = "https://pay.example.com";

async function setup(link: Record<string, unknown> = {}) {
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, ...paymentContext, appUrl };
  const created = await createPaymentLink(db, ctx, { item_name: "Membership", amount: 2500, currency: "USD", default_country: "US", ...link });
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, created.id));
  return { scope, ctx, link: row! };
}

function sumOf(sources: { visit_count: number; pay_count: number; success_amount: number }[]) {
  return sources.reduce((s, x) => ({ visit_count: s.visit_count + x.visit_count, pay_count: s.pay_count + x.pay_count, success_amount: s.success_amount + x.success_amount }), { visit_count: 0, pay_count: 0, success_amount: 0 });
}

describe("the funnel by source", () => {
  test("visits, started and paid checkouts count under their source; the sums equal the link's stats", async () => {
    const { ctx, link } = await setup({ amount: null, custom_amount: { minimum: 100 } });
    for (const source of ["email", "email", "qr", null, "email", "qr"]) expect(await recordLinkVisit(db, link.token, source)).not.toBeNull();
    // The page gets the link and its merchant's brand as typed rows from the one statement.
    const visit = await recordLinkVisit(db, "no-such-token", "email");
    expect(visit).toBeNull();
    const seen = (await recordLinkVisit(db, link.token, "qr"))!;
    expect(seen.link.createdAt).toBeInstanceOf(Date);
    expect(seen.link).toMatchObject({ id: link.id, customAmountMinimum: 100, paymentMethods: link.paymentMethods, metadata: {} });
    expect(seen.merchant).toEqual({ name: "Pay", brandColor: "#4f46e5", logoUrl: null });
    // Two paid from email (different amounts), one declined from qr, one paid with no source.
    expect((await payLink(db, paymentContext, link.token, { ...cardBuyer(), amount: 1000, source: "email" })).kind).toBe("paid");
    expect((await payLink(db, paymentContext, link.token, { ...cardBuyer(), amount: 2345, source: "email" })).kind).toBe("paid");
    const declined = await payLink(db, paymentContext, link.token, { ...cardBuyer("4000000000000002"), amount: 500, source: "qr" });
    expect(declined.kind).toBe("declined");
    expect((await payLink(db, paymentContext, link.token, { ...cardBuyer(), amount: 700 })).kind).toBe("paid");
    // The declined qr buyer tries again on the order's own page (no src there): still counted as qr.
    expect((await payOrder(db, paymentContext, declined.order.token, cardBuyer())).kind).toBe("paid");

    const funnel = await getLinkFunnel(db, ctx, link.id);
    expect(funnel).toMatchObject({ object: "funnel", payment_link: link.id });
    const by = Object.fromEntries(funnel.sources.map((s) => [String(s.source), s]));
    expect(by.email).toEqual({ source: "email", visit_count: 3, started_count: 2, pay_count: 2, success_amount: 3345 });
    expect(by.qr).toEqual({ source: "qr", visit_count: 3, started_count: 1, pay_count: 1, success_amount: 500 });
    expect(by.null).toEqual({ source: null, visit_count: 1, started_count: 1, pay_count: 1, success_amount: 700 });
    expect(funnel.sources.map((s) => s.source)).toEqual(["email", "qr", null]);

    const [stats] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(sumOf(funnel.sources)).toEqual({ visit_count: stats!.visitCount, pay_count: stats!.payCount, success_amount: stats!.successAmount });
  });

  test("buyers paying and visiting one link at once: every payment counted once, the sums equal the stats", async () => {
    const { ctx, link } = await setup();
    // Reservations lock the link's row, then its funnel row; paid orders and visits must take them in that order.
    const lanes = Array.from({ length: 6 }, async (_, lane) => {
      for (let i = 0; i < 6; i++) {
        const source = lane % 2 === 0 ? "email" : null;
        await recordLinkVisit(db, link.token, source);
        expect((await payLink(db, paymentContext, link.token, { ...cardBuyer(), email: `lane-${lane}@example.com`, source })).kind).toBe("paid");
      }
    });
    await Promise.all(lanes);
    const funnel = await getLinkFunnel(db, ctx, link.id);
    const [stats] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(stats!.payCount).toBe(36);
    expect(sumOf(funnel.sources)).toEqual({ visit_count: stats!.visitCount, pay_count: 36, success_amount: stats!.successAmount });
  });

  test("another merchant's or mode's link is resource_missing", async () => {
    const { link } = await setup();
    const other = await newMerchantScope(db);
    await expect(getLinkFunnel(db, other, link.id)).rejects.toMatchObject({ code: "resource_missing" });
    await expect(getLinkFunnel(db, { merchantId: link.merchantId, livemode: true }, link.id)).rejects.toMatchObject({ code: "resource_missing" });
  });
});

describe("sending a link or an order", () => {
  test("an email carries the amount in the currency's format and the checkout URL with src=email", async () => {
    const { ctx, link } = await setup({ amount: 150_000, currency: "JPY", item_name: "会員年費" });
    const sent = await sendPaymentLink(db, ctx, link.id, { channel: "email", to: " buyer@example.com " });
    expect(sent).toMatchObject({ object: "message", channel: "email", kind: "payment_request", to: "buyer@example.com", payment_link: link.id, order: null, status: "queued" });
    const [row] = await db.select().from(messages).where(eq(messages.id, sent.id));
    expect(row!.subject).toContain("会員年費");
    expect(row!.text).toContain("¥150,000");
    expect(row!.html).toContain(`${appUrl}/l/${link.token}?src=email`);
  });

  test("an SMS goes to the E.164 form of the number, with src=sms", async () => {
    const { ctx, link } = await setup();
    const sent = await sendPaymentLink(db, ctx, link.id, { channel: "sms", to: "+46 70-123 45 67" });
    expect(sent.to).toBe("+46701234567");
    const [row] = await db.select().from(messages).where(eq(messages.id, sent.id));
    expect(row!.text).toBe(`Pay: please pay $25.00 for Membership: ${appUrl}/l/${link.token}?src=sms`);
  });

  test("a bad address or number is parameter_invalid on `to`; a closed link or a paid order is 409; nothing is queued", async () => {
    const { ctx, link } = await setup();
    for (const [channel, to] of [["email", "not-an-email"], ["email", "+46701234567"], ["sms", "0701234567"], ["sms", "buyer@example.com"], ["sms", "+0123456789"]]) {
      await expect(sendPaymentLink(db, ctx, link.id, { channel, to })).rejects.toMatchObject({ code: "parameter_invalid", param: "to" });
    }
    await expect(sendPaymentLink(db, ctx, link.id, { channel: "fax", to: "x" })).rejects.toMatchObject({ name: "ZodError" });
    await updatePaymentLink(db, ctx, link.id, { active: false });
    await expect(sendPaymentLink(db, ctx, link.id, { channel: "email", to: "b@example.com" })).rejects.toMatchObject({ code: "payment_link_inactive" });

    const order = await createOrder(db, ctx, { amount: 1234, currency: "KWD", item_name: "Invoice 7", reference: `R-${link.id}` });
    const sent = await sendOrder(db, ctx, order.id, { channel: "email", to: "b@example.com" });
    expect(sent).toMatchObject({ order: order.id, kind: "payment_request" });
    const [row] = await db.select().from(messages).where(eq(messages.id, sent.id));
    expect(row!.text).toContain("1.234");
    expect(row!.text).toContain(`R-${link.id}`);
    expect(row!.html).toContain(`/o/${new URL(order.url).pathname.split("/").at(-1)}?src=email`);
    expect((await payOrder(db, paymentContext, new URL(order.url).pathname.split("/").at(-1)!, cardBuyer())).kind).toBe("paid");
    await expect(sendOrder(db, ctx, order.id, { channel: "email", to: "b@example.com" })).rejects.toMatchObject({ code: "order_not_payable" });
    const queued = await db.select().from(messages).where(and(eq(messages.merchantId, ctx.merchantId), eq(messages.kind, "payment_request")));
    expect(queued).toHaveLength(1);
  });
});

describe("receipts", () => {
  test("a paid order whose buyer gave an email gets a receipt; none without an email or with receipts off", async () => {
    const { scope, link } = await setup();
    const paid = await payLink(db, paymentContext, link.token, { ...cardBuyer(), email: "ana@example.com" });
    const receipts = () => db.select().from(messages).where(and(eq(messages.merchantId, scope.merchantId), eq(messages.kind, "receipt")));
    const [receipt] = await receipts();
    // Queued as a row and its job, in the payment's transaction: the worker writes the email when it sends it.
    expect(receipt).toMatchObject({ channel: "email", to: "ana@example.com", orderId: paid.order.id, paymentLinkId: link.id, status: "queued", subject: "Your receipt from Pay", html: null, text: "" });
    expect(await sendMessage(db, { email: outboxEmail, sms: null, appUrl, retrySchedule: [1] }, receipt!.id, 1)).toBe("sent");
    const [sent] = await receipts();
    expect(sent).toMatchObject({ status: "sent", subject: "Your receipt from Pay" });
    expect(sent!.text).toContain("$25.00");
    expect(sent!.text).toContain("Visa •••• 4242");
    expect(sent!.html).toContain("Visa •••• 4242");

    await payLink(db, paymentContext, link.token, { ...cardBuyer(), email: null });
    expect(await receipts()).toHaveLength(1);
    await db.update(merchants).set({ sendReceipts: false }).where(eq(merchants.id, scope.merchantId));
    await payLink(db, paymentContext, link.token, { ...cardBuyer(), email: "bo@example.com" });
    expect(await receipts()).toHaveLength(1);
  });
});

describe("at send time", () => {
  const messaging = (email: EmailTransport = outboxEmail): Messaging => ({ email, sms: null, appUrl, retrySchedule: [1] });

  test("a request whose order was paid while it waited is not sent: failed, saying why", async () => {
    const { ctx } = await setup();
    const order = await createOrder(db, ctx, { amount: 900, currency: "EUR", item_name: "Ticket" });
    const sent = await sendOrder(db, ctx, order.id, { channel: "sms", to: "+46701234567" });
    expect((await payOrder(db, paymentContext, new URL(order.url).pathname.split("/").at(-1)!, cardBuyer())).kind).toBe("paid");
    expect(await sendMessage(db, messaging(), sent.id, 1)).toBe("failed");
    const [row] = await db.select().from(messages).where(eq(messages.id, sent.id));
    expect(row).toMatchObject({ status: "failed", failureReason: "Not sent: the order became paid before this request could leave." });
  });

  test("the invoice, made at send time, is attached when the transport is SMTP", async () => {
    const { ctx } = await setup();
    const order = await createOrder(db, ctx, { amount: 900, currency: "EUR", item_name: "Ticket", reference: `T-${Date.now()}` });
    const sent = await sendOrder(db, ctx, order.id, { channel: "email", to: "b@example.com" });
    const seen: { attachments?: { filename: string; contentType: string; content: Buffer }[] }[] = [];
    const smtp: EmailTransport = { name: "smtp", send: async (mail) => (seen.push(mail), { ok: true, providerMessageId: null, detail: "ok" }), close() {} };
    expect(await sendMessage(db, messaging(smtp), sent.id, 1)).toBe("sent");
    expect(seen[0]!.attachments!.map((a) => [a.filename, a.contentType, a.content.subarray(0, 5).toString()])).toEqual([[`invoice-${order.reference}.pdf`, "application/pdf", "%PDF-"]]);

  });
});

describe("a receipt at send time", () => {
  test("is written from the paid order in the buyer's language, sent with its PDF, and kept on its row", async () => {
    const { scope, link } = await setup();
    const paid = await payLink(db, paymentContext, link.token, { ...cardBuyer(), email: "eva@example.com", locale: "de" });
    const [queued] = await db.select().from(messages).where(and(eq(messages.merchantId, scope.merchantId), eq(messages.orderId, paid.order.id)));
    expect(queued).toMatchObject({ kind: "receipt", status: "queued", html: null });
    const seen: { subject: string; html: string; text: string; attachments?: { filename: string; content: Buffer }[] }[] = [];
    const smtp: EmailTransport = { name: "smtp", send: async (mail) => (seen.push(mail), { ok: true, providerMessageId: null, detail: "ok" }), close() {} };
    expect(await sendMessage(db, { email: smtp, sms: null, appUrl, retrySchedule: [1] }, queued!.id, 1)).toBe("sent");
    expect(seen).toHaveLength(1);
    expect(seen[0]!.subject).toBe(queued!.subject);
    expect(seen[0]!.text).toContain("25,00");
    expect(seen[0]!.html).toContain('lang="de"');
    expect(seen[0]!.attachments!.map((a) => [a.filename, a.content.subarray(0, 5).toString()])).toEqual([[`receipt-${paid.order.id}.pdf`, "%PDF-"]]);
    const [stored] = await db.select().from(messages).where(eq(messages.id, queued!.id));
    expect(stored).toMatchObject({ status: "sent", subject: seen[0]!.subject, html: seen[0]!.html, text: seen[0]!.text });
  });
});

describe("test-mode receipts", () => {
  test("count against the hourly sending allowance: past it, a paid test order gets no receipt", async () => {
    const { scope, link } = await setup();
    for (let i = 0; i < SEND_MAX_PER_HOUR + 2; i++) await payLink(db, paymentContext, link.token, { ...cardBuyer(), email: `buyer-${i}@example.com` });
    const receipts = await db.select().from(messages).where(and(eq(messages.merchantId, scope.merchantId), eq(messages.kind, "receipt")));
    expect(receipts).toHaveLength(SEND_MAX_PER_HOUR);
  });
});
