import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { events, orders, payments } from "@/db/schema";
import { parseEmv } from "@/lib/payments/emv-qr";
import { TEST_IBANS } from "@/lib/processor/simulated";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import { openTestDatabase } from "@/test/db";
import { newMerchantScope, withNotificationReceiver } from "@/test/payments";
import { completePaymentAction } from "./complete-payment-action";
import { createOrder } from "./create-order";
import { failStalledPaymentActions } from "./fail-stalled-payment-actions";
import { getOrder } from "./get-order";
import { payOrder } from "./pay-order";
import { refundOrder } from "./refund-order";
import { settleOrders } from "./settle-orders";
import { simulateBankConfirmation } from "./simulate-bank-confirmation";

// Each method of the contract's table through the services, on the simulated processor: PromptPay and PIX
// (a QR payload, confirmed by the bank's notification), iDEAL / Bancontact / FPX (a bank page), Klarna
// (pay later, with amount limits) and SEPA Direct Debit (a mandate, then the bank's answer).

const { db } = await openTestDatabase();
const receiver = await withNotificationReceiver(db, { bankTransferSeconds: 3600, refundSeconds: 0, qrSeconds: 3600, sepaSeconds: 3600 });
const paymentContext = receiver.paymentContext;
afterAll(() => receiver.close());

async function order(currency: string, amount: number, method: string) {
  const scope = await newMerchantScope(db, currency);
  const ctx = { ...scope, ...paymentContext };
  const created = await createOrder(db, ctx, { amount, currency, item_name: "Goods", payment_methods: [method as "card"] });
  return { ctx, order: created, token: created.url.split("/o/")[1]! };
}

const buyer = (method: string, extra: Partial<BuyerPayment> = {}): BuyerPayment => ({ method: method as "card", email: "b@example.com", name: "B", ...extra });
const sepa = (iban: string) => ({ iban, accountHolder: "Ana Silva", country: iban.slice(0, 2), last4: iban.slice(-4) });

async function typesOf(orderId: string) {
  return (await db.select({ type: events.type }).from(events).where(eq(events.objectId, orderId)).orderBy(events.id)).map((e) => e.type);
}

describe("QR methods", () => {
  test("PromptPay: a THB QR payload for the amount, paid when the bank reports it; no refund, ever", async () => {
    const { ctx, order: created, token } = await order("THB", 12_345, "promptpay");
    const outcome = await payOrder(db, paymentContext, token, buyer("promptpay"));
    expect(outcome).toMatchObject({ kind: "pending", action: "qr_code" });
    const fields = parseEmv(outcome.payment.details!.qr!);
    expect(fields).toMatchObject({ "53": "764", "54": "123.45", "58": "TH" });
    expect(await simulateBankConfirmation(db, paymentContext, token)).toMatchObject({ status: "paid" });
    await settleOrders(db, paymentContext, ctx);
    expect(await getOrder(db, ctx, created.id)).toMatchObject({ status: "paid", allowed_refund: false, refundable_amount: 0 });
    await expect(refundOrder(db, ctx, created.id, {})).rejects.toMatchObject({ code: "order_not_refundable", message: expect.stringContaining("A PromptPay payment cannot be refunded") });
  });

  test("PIX: a BRL copy-and-paste code naming the merchant; refunded only in full, once", async () => {
    const { ctx, order: created, token } = await order("BRL", 5_000, "pix");
    const outcome = await payOrder(db, paymentContext, token, buyer("pix"));
    const fields = parseEmv(outcome.payment.details!.qr!);
    expect(fields).toMatchObject({ "53": "986", "54": "50.00", "58": "BR", "59": "Pay" });
    await simulateBankConfirmation(db, paymentContext, token);
    await settleOrders(db, paymentContext, ctx);
    expect(await getOrder(db, ctx, created.id)).toMatchObject({ allowed_refund: true, refundable_amount: 5_000 });
    await expect(refundOrder(db, ctx, created.id, { amount: 1_000 })).rejects.toMatchObject({ code: "parameter_invalid", param: "amount" });
    expect(await refundOrder(db, ctx, created.id, {})).toMatchObject({ amount: 5_000, status: "pending" });
    expect(await getOrder(db, ctx, created.id)).toMatchObject({ allowed_refund: false, refundable_amount: 0 });
  });

  test("a QR code nobody scans fails after PAYMENT_ACTION_TIMEOUT_SECONDS, and the order is open again", async () => {
    const { ctx, order: created, token } = await order("THB", 1_000, "promptpay");
    await payOrder(db, paymentContext, token, buyer("promptpay"));
    expect(await failStalledPaymentActions(db, paymentContext, 3600)).toBe(0);
    await db.update(payments).set({ createdAt: new Date(Date.now() - 3_601_000) }).where(eq(payments.orderId, created.id));
    expect(await failStalledPaymentActions(db, paymentContext, 3600)).toBeGreaterThanOrEqual(1);
    expect(await getOrder(db, ctx, created.id)).toMatchObject({ status: "open", payment: { status: "failed" } });
    expect((await typesOf(created.id)).at(-1)).toBe("order.payment_failed");
  });
});

describe("bank pages and pay later", () => {
  test.each([
    ["ideal", "EUR", "ING"],
    ["bancontact", "EUR", "KBC"],
    ["fpx", "MYR", "Maybank2u"],
  ])("%s: the buyer picks a bank on its page and approves; the bank is kept with the payment", async (method, currency, bank) => {
    const { ctx, order: created, token } = await order(currency, 2_500, method);
    expect(await payOrder(db, paymentContext, token, buyer(method))).toMatchObject({ kind: "requires_action", action: "bank_redirect" });
    expect(await completePaymentAction(db, paymentContext, token, true, { bank })).toMatchObject({ kind: "paid" });
    const [row] = await db.select().from(payments).where(eq(payments.orderId, created.id));
    expect(row).toMatchObject({ status: "succeeded", method, details: { bank } });
    expect((await getOrder(db, ctx, created.id)).status).toBe("paid");
  });

  test("a bank page failed by the buyer opens the order again; a bank not on the list is not recorded", async () => {
    const { ctx, order: created, token } = await order("EUR", 2_500, "ideal");
    await payOrder(db, paymentContext, token, buyer("ideal"));
    expect(await completePaymentAction(db, paymentContext, token, false, { bank: "Bank of Nowhere" })).toMatchObject({ kind: "declined" });
    expect((await getOrder(db, ctx, created.id)).status).toBe("open");
    const [row] = await db.select().from(payments).where(eq(payments.orderId, created.id));
    expect(row!.details).toBeNull();
  });

  test("Klarna: approved on its page pays; declined opens the order; outside 1.00–10,000.00 it is not taken", async () => {
    const approved = await order("SEK", 150_000, "klarna");
    expect(await payOrder(db, paymentContext, approved.token, buyer("klarna"))).toMatchObject({ kind: "requires_action", action: "pay_later" });
    expect(await completePaymentAction(db, paymentContext, approved.token, true)).toMatchObject({ kind: "paid" });
    const declined = await order("EUR", 5_000, "klarna");
    await payOrder(db, paymentContext, declined.token, buyer("klarna"));
    expect(await completePaymentAction(db, paymentContext, declined.token, false)).toMatchObject({ kind: "declined" });
    // An order Klarna cannot take is refused when it is made; an order that offers it anyway (an older one)
    // refuses the attempt.
    await expect(order("EUR", 1_000_001, "klarna")).rejects.toMatchObject({ code: "parameter_invalid", param: "payment_methods", message: expect.stringContaining("klarna cannot take an amount of 1000001") });
    const older = await order("EUR", 5_000, "klarna");
    await db.update(orders).set({ amount: 1_000_001 }).where(eq(orders.id, older.order.id));
    await expect(payOrder(db, paymentContext, older.token, buyer("klarna"))).rejects.toMatchObject({ code: "parameter_invalid", param: "method" });
  });
});

describe("SEPA Direct Debit", () => {
  test("the succeeding test IBAN is debited when the bank answers; only its country and last four are kept", async () => {
    const { ctx, order: created, token } = await order("EUR", 7_500, "sepa_debit");
    const outcome = await payOrder(db, paymentContext, token, buyer("sepa_debit", { sepa: sepa(TEST_IBANS.success) }));
    expect(outcome).toMatchObject({ kind: "pending", action: "sepa_debit", payment: { details: { iban_country: "DE", iban_last4: "3000" } } });
    expect((await getOrder(db, ctx, created.id)).status).toBe("processing");
    expect(await simulateBankConfirmation(db, paymentContext, token)).toMatchObject({ status: "paid" });
    const everything = await db.execute(`select p::text as row from payments p where p.order_id = '${created.id}'`);
    expect(JSON.stringify(everything)).not.toContain("370400440532013000");
  });

  test("the failing test IBAN is accepted, then fails while processing: order.payment_failed, the order open again", async () => {
    const { ctx, order: created, token } = await order("EUR", 7_500, "sepa_debit");
    expect(await payOrder(db, paymentContext, token, buyer("sepa_debit", { sepa: sepa(TEST_IBANS.failsWhileProcessing) }))).toMatchObject({ kind: "pending" });
    expect(await simulateBankConfirmation(db, paymentContext, token)).toMatchObject({ status: "open" });
    expect(await getOrder(db, ctx, created.id)).toMatchObject({ status: "open", payment: { status: "failed" } });
    const [row] = await db.select().from(payments).where(eq(payments.orderId, created.id));
    expect(row).toMatchObject({ failureCode: "sepa_debit_failed" });
    expect(await typesOf(created.id)).toEqual(["order.created", "order.processing", "order.payment_failed"]);
  });
});

test("a link or order naming a method that cannot take its currency is refused with 400 parameter_invalid on payment_methods", async () => {
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, ...paymentContext };
  await expect(createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "x", payment_methods: ["card", "promptpay"] })).rejects.toMatchObject({
    code: "parameter_invalid",
    param: "payment_methods",
    message: expect.stringContaining("promptpay cannot take USD"),
  });
  const { createPaymentLink } = await import("./create-payment-link");
  await expect(createPaymentLink(db, ctx, { item_name: "x", amount: 500, default_country: "US", payment_methods: ["ideal"] })).rejects.toMatchObject({ code: "parameter_invalid", param: "payment_methods" });
});
