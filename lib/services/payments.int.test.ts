import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test, inject } from "vitest";
import { openPostgres } from "@/db/client";
import { events, orders, payments, paymentLinks, refunds } from "@/db/schema";
import { onlyConnector } from "@/lib/processor";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext, withNotificationReceiver } from "@/test/payments";
import { cancelOrder } from "./cancel-order";
import { completePaymentAction } from "./complete-payment-action";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { getOrder } from "./get-order";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import type { PaymentContext } from "./payment-context";
import { recordLinkVisit } from "./record-link-visit";
import { refundOrder } from "./refund-order";
import { expireOrders } from "./expire-orders";
import { failStalledPaymentActions } from "./fail-stalled-payment-actions";
import { settleOrders } from "./settle-orders";
import { simulateBankConfirmation } from "./simulate-bank-confirmation";
import { submitRefunds } from "./submit-refunds";
import { voidOrder } from "./void-order";

const { db } = await openTestDatabase();
// The simulator's notifications (a bank transfer arriving, a refund settling) reach a local HTTP receiver
// that answers with the inbound route's own handler.
const receiver = await withNotificationReceiver(db);
const paymentContext = receiver.paymentContext;
afterAll(() => receiver.close());

/** What the worker's payments sweep does for refunds: submit them, then the processor's due notifications arrive. */
async function settleRefunds(_db: typeof db, context: PaymentContext) {
  await submitRefunds(db, context);
  await receiver.sweep();
}

async function setup(link: Record<string, unknown> = {}) {
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, ...paymentContext };
  const created = await createPaymentLink(db, ctx, { item_name: "Coffee", amount: 2500, currency: "USD", default_country: "US", payment_methods: ["card", "alipay", "bank_transfer"], ...link });
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, created.id));
  return { scope, ctx, link: row! };
}

async function eventTypes(orderId: string) {
  return (await db.select({ type: events.type }).from(events).where(eq(events.objectId, orderId)).orderBy(events.id)).map((e) => e.type);
}

describe("paying through a link", () => {
  test("the success card pays: order paid, link stats, events in order", async () => {
    const { ctx, link } = await setup();
    const outcome = await payLink(db, paymentContext, link.token, cardBuyer());
    expect(outcome.kind).toBe("paid");
    const order = await getOrder(db, ctx, outcome.order.id);
    expect(order).toMatchObject({
      status: "paid",
      amount: 2500,
      payment_link: link.id,
      attempts: 1,
      customer: { email: "buyer@example.com", name: "Ana Buyer" },
      payment: { method: "card", card: { brand: "visa", last4: "4242" }, status: "succeeded", settled_at: null },
      allowed_void: true,
      allowed_refund: false,
    });
    const [after] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect([after!.payCount, after!.successAmount]).toEqual([1, 2500]);
    expect(await eventTypes(order.id)).toEqual(["order.created", "order.processing", "order.paid"]);
  });

  test("a decline keeps the order open for another try on the same order", async () => {
    const { ctx, link } = await setup();
    const declined = await payLink(db, paymentContext, link.token, cardBuyer("4000000000000002"));
    expect(declined).toMatchObject({ kind: "declined", message: "Your card was declined." });
    const insufficient = await payOrder(db, paymentContext, declined.order.token, cardBuyer("4000000000009995"));
    expect(insufficient).toMatchObject({ kind: "declined", message: "Your card has insufficient funds." });
    const paid = await payOrder(db, paymentContext, declined.order.token, cardBuyer("5555555555554444"));
    expect(paid.kind).toBe("paid");
    const order = await getOrder(db, ctx, paid.order.id);
    expect(order).toMatchObject({ status: "paid", attempts: 3, payment: { card: { brand: "mastercard", last4: "4444" } } });
    expect(await eventTypes(order.id)).toEqual(["order.created", ...Array(2).fill(["order.processing", "order.payment_failed"]).flat(), "order.processing", "order.paid"]);
  });

  test("3-D Secure: processing until the buyer completes or fails the challenge", async () => {
    const { ctx, link } = await setup();
    const first = await payLink(db, paymentContext, link.token, cardBuyer("4000000000003220"));
    expect(first).toMatchObject({ kind: "requires_action", action: "three_d_secure" });
    expect((await getOrder(db, ctx, first.order.id)).status).toBe("processing");
    expect(await completePaymentAction(db, paymentContext, first.order.token, false)).toMatchObject({ kind: "declined" });
    expect((await getOrder(db, ctx, first.order.id)).status).toBe("open");
    await payOrder(db, paymentContext, first.order.token, cardBuyer("4000000000003220"));
    expect(await completePaymentAction(db, paymentContext, first.order.token, true)).toMatchObject({ kind: "paid" });
    await expect(completePaymentAction(db, paymentContext, first.order.token, true)).rejects.toMatchObject({ code: "order_not_payable" });
    expect(await eventTypes(first.order.id)).toEqual(["order.created", "order.processing", "order.payment_failed", "order.processing", "order.paid"]);
  });

  test("a wallet is approved on its page; a bank transfer waits for the bank", async () => {
    const { ctx, link } = await setup();
    const wallet = await payLink(db, paymentContext, link.token, { method: "alipay", email: "w@example.com", name: "W" });
    expect(wallet).toMatchObject({ kind: "requires_action", action: "wallet_redirect" });
    expect(await completePaymentAction(db, paymentContext, wallet.order.token, true)).toMatchObject({ kind: "paid" });
    expect((await getOrder(db, ctx, wallet.order.id)).payment).toMatchObject({ method: "alipay", card: null });

    const bank = await payLink(db, paymentContext, link.token, { method: "bank_transfer", email: "b@example.com", name: "B" });
    expect(bank).toMatchObject({ kind: "pending", action: "bank_transfer" });
    expect((await getOrder(db, ctx, bank.order.id)).status).toBe("processing");
    // Due at once (bankTransferSeconds 0), but it is the processor's notification that pays the order.
    expect(await receiver.sweep()).toBeGreaterThanOrEqual(1);
    expect((await getOrder(db, ctx, bank.order.id)).status).toBe("paid");
    await expect(simulateBankConfirmation(db, paymentContext, bank.order.token)).rejects.toMatchObject({ code: "order_not_payable" });
  });

  test("a disabled, expired or sold-out link refuses payment with payment_link_inactive", async () => {
    const disabled = await setup();
    await db.update(paymentLinks).set({ active: false }).where(eq(paymentLinks.id, disabled.link.id));
    await expect(payLink(db, paymentContext, disabled.link.token, cardBuyer())).rejects.toMatchObject({ code: "payment_link_inactive" });
    const soldOut = await setup({ max_payments: 1 });
    await payLink(db, paymentContext, soldOut.link.token, cardBuyer());
    await expect(payLink(db, paymentContext, soldOut.link.token, cardBuyer())).rejects.toMatchObject({ code: "payment_link_inactive" });
    const expired = await setup();
    await db.update(paymentLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(paymentLinks.id, expired.link.id));
    await expect(payLink(db, paymentContext, expired.link.token, cardBuyer())).rejects.toMatchObject({ code: "payment_link_inactive" });
    expect(await db.$count(orders, eq(orders.paymentLinkId, disabled.link.id))).toBe(0);
  });

  test("a buyer-chosen amount is charged", async () => {
    const { ctx, link } = await setup({ amount: null, custom_amount: { minimum: 100, maximum: 10_000 } });
    const outcome = await payLink(db, paymentContext, link.token, { ...cardBuyer(), amount: 1234 });
    expect((await getOrder(db, ctx, outcome.order.id)).amount).toBe(1234);
  });

  test("100 concurrent payments on a max_payments: 1 link: exactly one is paid", async () => {
    const { link } = await setup({ max_payments: 1 });
    const wide = await openPostgres(inject("databaseUrl"), 30);
    try {
      const results = await Promise.allSettled(Array.from({ length: 100 }, () => payLink(wide.db, paymentContext, link.token, cardBuyer())));
      const paid = results.filter((r) => r.status === "fulfilled" && r.value.kind === "paid");
      const refused = results.filter((r) => r.status === "rejected");
      expect(paid).toHaveLength(1);
      expect(refused).toHaveLength(99);
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "payment_link_inactive" });
      const [after] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
      expect(after!.payCount).toBe(1);
      expect(await db.$count(orders, eq(orders.paymentLinkId, link.id))).toBe(1);
    } finally {
      await wide.close();
    }
  });

  test("a payment in flight (3-D Secure) holds the last seat of a max_payments link", async () => {
    const { link } = await setup({ max_payments: 1 });
    const pending = await payLink(db, paymentContext, link.token, cardBuyer("4000000000003220"));
    await expect(payLink(db, paymentContext, link.token, cardBuyer())).rejects.toMatchObject({ code: "payment_link_inactive" });
    expect(await completePaymentAction(db, paymentContext, pending.order.token, true)).toMatchObject({ kind: "paid" });
  });

  test("a 3-D Secure or wallet step left unfinished fails after the timeout and gives the seat back", async () => {
    const { ctx, link } = await setup({ max_payments: 1 });
    const stalled = await payLink(db, paymentContext, link.token, cardBuyer("4000000000003220"));
    expect(stalled.kind).toBe("requires_action");
    await expect(payLink(db, paymentContext, link.token, cardBuyer())).rejects.toMatchObject({ code: "payment_link_inactive" });

    // Not yet: one second before the timeout, nothing happens.
    const startedAt = stalled.payment.createdAt.getTime();
    expect(await failStalledPaymentActions(db, paymentContext, 1800, new Date(startedAt + 1_799_000))).toBe(0);
    expect(await failStalledPaymentActions(db, paymentContext, 1800, new Date(startedAt + 1_800_000))).toBe(1);
    const order = await getOrder(db, ctx, stalled.order.id);
    expect(order).toMatchObject({ status: "open", payment: { id: stalled.payment.id, status: "failed" } });
    const [payment] = await db.select().from(payments).where(eq(payments.id, stalled.payment.id));
    expect(payment).toMatchObject({ status: "failed", failureCode: "action_timeout", nextAction: null });
    expect(await eventTypes(order.id)).toEqual(["order.created", "order.processing", "order.payment_failed"]);

    // The seat is back for another buyer; the late answer to the challenge finds nothing to complete.
    expect((await payLink(db, paymentContext, link.token, cardBuyer())).kind).toBe("paid");
    await expect(completePaymentAction(db, paymentContext, stalled.order.token, true)).rejects.toMatchObject({ code: "order_not_payable" });
    expect(await failStalledPaymentActions(db, paymentContext, 1800, new Date(startedAt + 3_600_000))).toBe(0);
  });

  test("checkout page views count visits", async () => {
    const { link } = await setup();
    await recordLinkVisit(db, link.token);
    const second = await recordLinkVisit(db, link.token);
    const [after] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(after!.visitCount).toBe(2);
    // The page gets the counted link and its merchant's branding from the one statement.
    expect(second).toMatchObject({ link: { id: link.id, visitCount: 2 }, merchant: { name: "Pay", brandColor: expect.any(String) } });
    expect(await recordLinkVisit(db, "no-such-token")).toBeNull();
  });
});

describe("API orders, void, settlement, refunds, cancel, expiry", () => {
  async function paidApiOrder(amount = 10_000) {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    const order = await createOrder(db, ctx, { amount, currency: "USD", item_name: "Invoice 7", reference: `A-${Date.now()}-${Math.random()}`, customer: { email: "pre@example.com", name: "Pre Filled", country: "DE" } });
    expect(order).toMatchObject({ status: "open", customer: { email: "pre@example.com", country: "DE" }, payment: null, attempts: 0 });
    expect(order.url).toMatch(/^https:\/\/pay\.example\.com\/o\/[0-9A-Za-z]{32}$/);
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    await payOrder(db, paymentContext, row!.token, { ...cardBuyer(), email: "corrected@example.com" });
    return { ctx, order: await getOrder(db, ctx, order.id) };
  }

  test("the buyer's corrected email replaces the pre-filled one", async () => {
    const { order } = await paidApiOrder();
    expect(order.customer.email).toBe("corrected@example.com");
  });

  test("the customer's country: the merchant's when omitted, unknown when sent as null, else as sent", async () => {
    const ctx = { ...(await newMerchantScope(db)), ...paymentContext };
    const country = async (customer: Record<string, unknown> | undefined) => (await createOrder(db, ctx, { amount: 100, currency: "USD", item_name: "x", ...(customer ? { customer } : {}) })).customer.country;
    expect(await country(undefined)).toBe("US");
    expect(await country({ email: "a@example.com" })).toBe("US");
    expect(await country({ country: null })).toBeNull();
    expect(await country({ country: "SE" })).toBe("SE");
  });

  test("a reference is unique per merchant and mode", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    await createOrder(db, ctx, { amount: 100, currency: "USD", item_name: "x", reference: "R-1" });
    await expect(createOrder(db, ctx, { amount: 100, currency: "USD", item_name: "x", reference: "R-1" })).rejects.toMatchObject({ code: "resource_conflict", param: "reference" });
    await createOrder(db, { ...ctx, livemode: true }, { amount: 100, currency: "USD", item_name: "x", reference: "R-1" });
  });

  test("void before settlement; no void or refund where the contract forbids them", async () => {
    const { ctx, order } = await paidApiOrder();
    await expect(refundOrder(db, ctx, order.id, {})).rejects.toMatchObject({ code: "order_not_refundable" });
    const voided = await voidOrder(db, ctx, order.id);
    expect(voided).toMatchObject({ status: "voided", allowed_void: false, allowed_refund: false, payment: { status: "voided" } });
    await expect(voidOrder(db, ctx, order.id)).rejects.toMatchObject({ code: "order_not_voidable" });
    expect(await eventTypes(order.id)).toEqual(["order.created", "order.processing", "order.paid", "order.voided"]);
  });

  test("settle, refund part, then the rest: statuses and amounts follow as refunds succeed", async () => {
    const { ctx, order } = await paidApiOrder(10_000);
    expect(await settleOrders(db, paymentContext, ctx)).toBe(1);
    const settled = await getOrder(db, ctx, order.id);
    expect(settled).toMatchObject({ allowed_void: false, allowed_refund: true, refundable_amount: 10_000, payment: { settled_at: expect.any(String) } });
    await expect(voidOrder(db, ctx, order.id)).rejects.toMatchObject({ code: "order_not_voidable" });

    const part = await refundOrder(db, ctx, order.id, { amount: 2_500, reason: "damaged" });
    expect(part).toMatchObject({ object: "refund", amount: 2_500, status: "pending", reason: "damaged", order: order.id });
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "paid", refundable_amount: 7_500, amount_refunded: 0 });
    await expect(refundOrder(db, ctx, order.id, { amount: 7_501 })).rejects.toMatchObject({ code: "refund_exceeds_refundable_amount", param: "amount" });
    await settleRefunds(db, paymentContext);
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "partially_refunded", amount_refunded: 2_500, refundable_amount: 7_500 });

    const rest = await refundOrder(db, ctx, order.id, {});
    expect(rest.amount).toBe(7_500);
    await settleRefunds(db, paymentContext);
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "refunded", amount_refunded: 10_000, refundable_amount: 0, allowed_refund: false });
    await expect(refundOrder(db, ctx, order.id, {})).rejects.toMatchObject({ code: "order_not_refundable" });
    expect(await eventTypes(order.id)).toEqual(["order.created", "order.processing", "order.paid", "order.settled", "order.refunded", "order.refunded"]);
  });

  test("50 concurrent partial refunds: the sum is exact and never above the amount paid", async () => {
    const { ctx, order } = await paidApiOrder(10_000);
    await settleOrders(db, paymentContext, ctx);
    const wide = await openPostgres(inject("databaseUrl"), 25);
    try {
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => refundOrder(wide.db, ctx, order.id, { amount: 300 })));
      const ok = results.filter((r) => r.status === "fulfilled");
      expect(ok).toHaveLength(33); // 33 × 300 = 9,900 ≤ 10,000 < 34 × 300
      for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "refund_exceeds_refundable_amount" });
      const rows = await db.select().from(refunds).where(eq(refunds.orderId, order.id));
      expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBe(9_900);
      await settleRefunds(db, paymentContext);
      expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "partially_refunded", amount_refunded: 9_900, refundable_amount: 100 });
    } finally {
      await wide.close();
    }
  });

  test("cancel: open → canceled; paid unsettled → voided; paid settled → fully refunded", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    const open = await createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "x" });
    expect(await cancelOrder(db, ctx, open.id)).toMatchObject({ status: "canceled" });
    await expect(cancelOrder(db, ctx, open.id)).rejects.toMatchObject({ code: "order_not_cancelable" });

    const a = await paidApiOrder();
    expect(await cancelOrder(db, a.ctx, a.order.id)).toMatchObject({ status: "voided" });
    const b = await paidApiOrder();
    await settleOrders(db, paymentContext, b.ctx);
    expect(await cancelOrder(db, b.ctx, b.order.id)).toMatchObject({ status: "paid", refundable_amount: 0 });
    await settleRefunds(db, paymentContext);
    expect(await getOrder(db, b.ctx, b.order.id)).toMatchObject({ status: "refunded" });
  });

  test("a link's order stays payable for ORDER_DEFAULT_TTL_HOURS (orderTtlHours), like an API order", async () => {
    const { link } = await setup();
    const before = Date.now();
    const declined = await payLink(db, { ...paymentContext, orderTtlHours: 3 }, link.token, cardBuyer("4000000000000002"));
    const [row] = await db.select({ expiresAt: orders.expiresAt }).from(orders).where(eq(orders.id, declined.order.id));
    expect(row!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(row!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3 * 3_600_000);
  });

  test("open orders past expires_at expire; paying an expired order is refused", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    const order = await createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "x" });
    await db.update(orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(orders.id, order.id));
    expect(await expireOrders(db, paymentContext)).toBeGreaterThanOrEqual(1);
    expect((await getOrder(db, ctx, order.id)).status).toBe("expired");
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    await expect(payOrder(db, paymentContext, row!.token, cardBuyer())).rejects.toMatchObject({ code: "order_not_payable" });

    // Paying an order past its expiry before the scheduler got to it expires it for good.
    const late = await createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "late" });
    await db.update(orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(orders.id, late.id));
    const [lateRow] = await db.select().from(orders).where(eq(orders.id, late.id));
    await expect(payOrder(db, paymentContext, lateRow!.token, cardBuyer())).rejects.toMatchObject({ code: "order_not_payable" });
    expect((await getOrder(db, ctx, late.id)).status).toBe("expired");
    expect(await eventTypes(late.id)).toEqual(["order.created", "order.expired"]);
  });

  test("another merchant cannot void, refund, cancel or read the order", async () => {
    const { order } = await paidApiOrder();
    const other = { ...(await newMerchantScope(db)), ...paymentContext };
    for (const action of [() => voidOrder(db, other, order.id), () => refundOrder(db, other, order.id, {}), () => cancelOrder(db, other, order.id), () => getOrder(db, other, order.id)]) {
      await expect(action()).rejects.toMatchObject({ code: "resource_missing" });
    }
  });
});

test("the card number is nowhere in the database after paying with it", async () => {
  const { link } = await setup();
  await payLink(db, paymentContext, link.token, cardBuyer("4242424242424242"));
  await payLink(db, paymentContext, link.token, cardBuyer("4000000000000002"));
  const tables = ["orders", "payments", "refunds", "events", "payment_links", "idempotency_keys"];
  for (const table of tables) {
    const rows = await db.execute(`select t::text as row from ${table} t`) as unknown as { row: string }[];
    const text = rows.map((r) => r.row).join("\n");
    expect(text, table).not.toContain("4242424242424242");
    expect(text, table).not.toContain("4000000000000002");
  }
  expect(await db.$count(payments)).toBeGreaterThan(0);
});

test("a refund reaches the processor only after it commits, once, keyed by its own id", async () => {
  const calls: { reference: string; amount: number; refundId: string }[] = [];
  const slow = simulatorContext(db, { bankTransferSeconds: 0, refundSeconds: 3600 });
  const simulator = slow.processors.named("simulator");
  const counting = {
    ...slow,
    processors: onlyConnector({
      ...simulator,
      refund: async (reference: string, amount: number, refundId: string) => {
        calls.push({ reference, amount, refundId });
        return simulator.refund(reference, amount, refundId);
      },
    }),
  };
  const { ctx, link } = await setup();
  const paid = await payLink(db, counting, link.token, cardBuyer());
  await settleOrders(db, counting, ctx);
  const rctx = { ...ctx, ...counting };

  await expect(
    db.transaction(async (tx) => {
      await refundOrder(tx, rctx, paid.order.id, { amount: 100 });
      throw new Error("the request failed after the refund was written");
    }),
  ).rejects.toThrow("request failed");
  await submitRefunds(db, counting);
  expect(calls).toHaveLength(0);

  const refund = await refundOrder(db, rctx, paid.order.id, { amount: 100 });
  expect(calls).toHaveLength(0);
  await submitRefunds(db, counting);
  await submitRefunds(db, counting);
  expect(calls).toEqual([{ reference: expect.stringMatching(/^sim_ch_/), amount: 100, refundId: refund.id }]);
  expect((await getOrder(db, ctx, paid.order.id)).refundable_amount).toBe(2400);
});
