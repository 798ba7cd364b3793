import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { events, orders, paymentLinks, payments, simulatorPayments } from "@/db/schema";
import { onlyConnector } from "@/lib/processor";
import { JOBS } from "@/lib/jobs/definitions";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, withNotificationReceiver } from "@/test/payments";
import { captureOrder, finishStalledCaptures } from "./capture-order";
import { cancelOrder } from "./cancel-order";
import { completePaymentAction } from "./complete-payment-action";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { expireOrders } from "./expire-orders";
import { getOrder } from "./get-order";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import type { PaymentContext } from "./payment-context";
import { refundOrder } from "./refund-order";
import { sendProcessorVoid } from "./send-processor-void";
import { settleOrders } from "./settle-orders";
import { submitRefunds } from "./submit-refunds";
import { voidOrder } from "./void-order";

// Manual capture (API.md "Capture, and more ways to pay"): the payment is only authorized, the order waits in
// `authorized` until the merchant captures all or part of it, voids it, or the authorization lapses.

const { db } = await openTestDatabase();
const receiver = await withNotificationReceiver(db);
const paymentContext = receiver.paymentContext;
afterAll(() => receiver.close());

async function authorizedOrder(amount = 10_000, card?: string) {
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, ...paymentContext };
  const created = await createOrder(db, ctx, { amount, currency: "USD", item_name: "Hotel night", capture_method: "manual" });
  const token = created.url.split("/o/")[1]!;
  const outcome = await payOrder(db, paymentContext, token, cardBuyer(card));
  return { ctx, scope, order: created, token, outcome };
}

async function typesOf(orderId: string) {
  return (await db.select({ type: events.type }).from(events).where(eq(events.objectId, orderId)).orderBy(events.id)).map((e) => e.type);
}

async function paymentRow(orderId: string) {
  const [row] = await db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(payments.createdAt);
  return row!;
}

async function book(paymentId: string) {
  const [row] = await db.select().from(simulatorPayments).where(eq(simulatorPayments.key, paymentId));
  return row!;
}

describe("an order with capture_method manual", () => {
  test("is authorized, not paid: the money is held until capture, for AUTHORIZATION_VALIDITY_HOURS", async () => {
    const before = Date.now();
    const { ctx, order, outcome } = await authorizedOrder();
    expect(outcome.kind).toBe("authorized");
    const shown = await getOrder(db, ctx, order.id);
    expect(shown).toMatchObject({
      status: "authorized",
      capture_method: "manual",
      amount_captured: null,
      allowed_capture: true,
      allowed_void: true,
      allowed_refund: false,
      paid_at: null,
      payment: { status: "authorized", captured_at: null, card: { brand: "visa", last4: "4242" } },
    });
    const expires = Date.parse(shown.authorization_expires_at!);
    expect(expires - before).toBeGreaterThanOrEqual(168 * 3_600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(168 * 3_600_000);
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.authorized"]);
    expect((await book(shown.payment!.id)).state).toBe("authorized");
  });

  test("a partial capture pays the order with amount_captured, releases the rest, and refunds stop at what was captured", async () => {
    const { ctx, order } = await authorizedOrder(10_000);
    const captured = await captureOrder(db, ctx, order.id, { amount: 6_000 });
    expect(captured).toMatchObject({ status: "paid", amount: 10_000, amount_captured: 6_000, allowed_capture: false, authorization_expires_at: null, payment: { status: "succeeded", captured_at: expect.any(String) } });
    expect(await book(captured.payment!.id)).toMatchObject({ state: "charged", capturedAmount: 6_000 });
    await expect(captureOrder(db, ctx, order.id, {})).rejects.toMatchObject({ code: "order_not_capturable" });
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.authorized", "order.paid"]);

    await settleOrders(db, paymentContext, ctx);
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ allowed_refund: true, refundable_amount: 6_000 });
    await expect(refundOrder(db, ctx, order.id, { amount: 6_001 })).rejects.toMatchObject({ code: "refund_exceeds_refundable_amount" });
    expect((await refundOrder(db, ctx, order.id, {})).amount).toBe(6_000);
    await submitRefunds(db, paymentContext);
    await receiver.sweep();
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "refunded", amount_refunded: 6_000, refundable_amount: 0 });
  });

  test("capturing more than was authorized is refused with 422, and nothing changes", async () => {
    const { ctx, order } = await authorizedOrder(5_000);
    await expect(captureOrder(db, ctx, order.id, { amount: 5_001 })).rejects.toMatchObject({ code: "capture_exceeds_authorized_amount", param: "amount", status: 422 });
    expect(await paymentRow(order.id)).toMatchObject({ status: "authorized", captureAmount: null, captureRequestedAt: null });
    expect(await captureOrder(db, ctx, order.id, {})).toMatchObject({ status: "paid", amount_captured: 5_000 });
  });

  test("only an authorized order can be captured: 409 order_not_capturable for open and automatically captured ones", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    const open = await createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "x", capture_method: "manual" });
    await expect(captureOrder(db, ctx, open.id, {})).rejects.toMatchObject({ code: "order_not_capturable", status: 409 });
    const automatic = await createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "y" });
    expect(automatic.capture_method).toBe("automatic");
    const paid = await payOrder(db, paymentContext, automatic.url.split("/o/")[1]!, cardBuyer());
    expect(paid.kind).toBe("paid");
    expect(await getOrder(db, ctx, automatic.id)).toMatchObject({ amount_captured: 500, allowed_capture: false });
    await expect(captureOrder(db, ctx, automatic.id, {})).rejects.toMatchObject({ code: "order_not_capturable" });
    // Another merchant's order does not exist for this one.
    const { ctx: other } = await authorizedOrder();
    await expect(captureOrder(db, other, automatic.id, {})).rejects.toMatchObject({ code: "resource_missing" });
  });

  test("ten captures at once: one captures, the others are refused; one order.paid", async () => {
    const { ctx, order } = await authorizedOrder();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => captureOrder(db, ctx, order.id, { amount: 7_000 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "order_not_capturable" });
    expect((await typesOf(order.id)).filter((t) => t === "order.paid")).toHaveLength(1);
    expect((await getOrder(db, ctx, order.id)).amount_captured).toBe(7_000);
  });

  test("a void releases the authorization at the processor; cancel does the same", async () => {
    const { ctx, order } = await authorizedOrder();
    expect(await voidOrder(db, ctx, order.id)).toMatchObject({ status: "voided", allowed_capture: false, payment: { status: "voided" } });
    const payment = await paymentRow(order.id);
    expect(await sendProcessorVoid(db, paymentContext, ctx, payment.id)).toBe(true);
    expect((await book(payment.id)).state).toBe("voided");
    await expect(captureOrder(db, ctx, order.id, {})).rejects.toMatchObject({ code: "order_not_capturable" });
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.authorized", "order.voided"]);

    const second = await authorizedOrder();
    expect(await cancelOrder(db, second.ctx, second.order.id)).toMatchObject({ status: "voided" });
  });

  test("an authorization not captured in time expires: the order is expired and the hold released", async () => {
    const { ctx, order } = await authorizedOrder();
    await db.update(orders).set({ authorizationExpiresAt: new Date(Date.now() - 1_000) }).where(eq(orders.id, order.id));
    expect(await expireOrders(db, paymentContext)).toBeGreaterThanOrEqual(1);
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "expired", allowed_capture: false, allowed_void: false, authorization_expires_at: null });
    const payment = await paymentRow(order.id);
    expect(payment).toMatchObject({ status: "voided", failureCode: "authorization_expired" });
    const [job] = await db.execute<{ n: number }>(`select count(*)::int as n from pgboss.job where name = '${JOBS.processorVoid.name}' and data->>'paymentId' = '${payment.id}'`) as unknown as { n: number }[];
    expect(job!.n).toBe(1);
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.authorized", "order.expired"]);
  });

  test("3-D Secure with manual capture: the challenge passed leaves the order authorized", async () => {
    const { ctx, order, token, outcome } = await authorizedOrder(2_000, "4000000000003220");
    expect(outcome.kind).toBe("requires_action");
    expect(await completePaymentAction(db, paymentContext, token, true)).toMatchObject({ kind: "authorized" });
    expect((await getOrder(db, ctx, order.id)).status).toBe("authorized");
  });

  test("a capture whose answer is lost stays under way (503), is refused a second time, and the recovery sweep finishes it once", async () => {
    const { ctx, order } = await authorizedOrder();
    const simulator = paymentContext.processors.named("simulator");
    let calls = 0;
    // The processor captures, but its answer never reaches us.
    const lost: PaymentContext = { ...paymentContext, processors: onlyConnector({ ...simulator, capture: async (...args) => { calls += 1; await simulator.capture(...args); throw new Error("connection reset"); } }) };
    await expect(captureOrder(db, { ...ctx, ...lost }, order.id, { amount: 4_000 })).rejects.toMatchObject({ code: "service_unavailable", status: 503 });
    expect(await paymentRow(order.id)).toMatchObject({ status: "authorized", captureAmount: 4_000, captureRequestedAt: expect.any(Date) });
    await expect(captureOrder(db, ctx, order.id, {})).rejects.toMatchObject({ code: "order_not_capturable" });
    await expect(voidOrder(db, ctx, order.id)).rejects.toMatchObject({ code: "order_not_voidable" });
    // Too young: the request may still be waiting for its answer.
    expect(await finishStalledCaptures(db, paymentContext, 3600)).toBe(0);
    expect(await finishStalledCaptures(db, paymentContext, 0)).toBeGreaterThanOrEqual(1);
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "paid", amount_captured: 4_000 });
    expect(calls).toBe(1);
    const payment = await paymentRow(order.id);
    expect(await book(payment.id)).toMatchObject({ state: "charged", capturedAmount: 4_000 });
    expect((await typesOf(order.id)).filter((t) => t === "order.paid")).toHaveLength(1);
  });
});

describe("a link with capture_method manual", () => {
  test("its orders are authorized; an authorization holds a max_payments seat until it ends; capture counts it", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    const link = await createPaymentLink(db, ctx, { item_name: "Camera rental", amount: 8_000, currency: "USD", default_country: "US", capture_method: "manual", max_payments: 1 });
    expect(link.capture_method).toBe("manual");
    const token = link.url.split("/l/")[1]!;
    const first = await payLink(db, paymentContext, token, cardBuyer());
    expect(first.kind).toBe("authorized");
    await expect(payLink(db, paymentContext, token, cardBuyer())).rejects.toMatchObject({ code: "payment_link_inactive" });
    const [held] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect([held!.payCount, held!.successAmount]).toEqual([0, 0]);

    await voidOrder(db, ctx, first.order.id);
    const second = await payLink(db, paymentContext, token, cardBuyer());
    expect(second.kind).toBe("authorized");
    await captureOrder(db, ctx, second.order.id, { amount: 5_000 });
    const [after] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect([after!.payCount, after!.successAmount]).toEqual([1, 5_000]);
  });

  test("a method that cannot hold a payment is refused with manual capture", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    await expect(createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "x", capture_method: "manual", payment_methods: ["card", "bank_transfer"] })).rejects.toMatchObject({
      code: "parameter_invalid",
      param: "payment_methods",
    });
    const link = await createPaymentLink(db, ctx, { item_name: "x", amount: 500, currency: "USD", default_country: "US", capture_method: "manual" });
    const { updatePaymentLink } = await import("./update-payment-link");
    await expect(updatePaymentLink(db, ctx, link.id, { payment_methods: ["bank_transfer"] })).rejects.toMatchObject({ code: "parameter_invalid", param: "payment_methods" });
  });
});
