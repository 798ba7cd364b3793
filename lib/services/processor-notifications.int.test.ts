import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { events, orders, processorNotifications, refunds, simulatorNotifications, simulatorPayments } from "@/db/schema";
import { SIGNATURE_HEADER, signNotification } from "@/lib/processor/notification-wire";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext, TEST_NOTIFICATION_SECRET, withNotificationReceiver } from "@/test/payments";
import { applyProcessorNotification } from "./apply-processor-notification";
import { cancelOrder } from "./cancel-order";
import { createPaymentLink } from "./create-payment-link";
import { getOrder } from "./get-order";
import { payLink } from "./pay-link";
import { refundOrder } from "./refund-order";
import { settleOrders } from "./settle-orders";
import { simulateBankConfirmation } from "./simulate-bank-confirmation";
import { submitRefunds } from "./submit-refunds";

// Processors tell us about asynchronous outcomes through one inbound route, and the simulator's bank
// transfers and refunds arrive through it over real HTTP: a local server named by host name, answering with
// the route's own handler (test/payments.ts withNotificationReceiver).

const { db } = await openTestDatabase();
const receiver = await withNotificationReceiver(db);
const paymentContext = receiver.paymentContext;
const inbound = `${receiver.origin}/api/processors/simulator/notifications`;
afterAll(() => receiver.close());

async function bankTransfer(bankTransferSeconds = 0) {
  const scope = await newMerchantScope(db);
  const context = bankTransferSeconds === 0 ? paymentContext : simulatorContext(db, { bankTransferSeconds, refundSeconds: 0 }, undefined, TEST_NOTIFICATION_SECRET, receiver.origin);
  const link = await createPaymentLink(db, { ...scope, ...context }, { item_name: "Rice", amount: 4_000, currency: "USD", default_country: "US", payment_methods: ["card", "bank_transfer"] });
  const pending = await payLink(db, context, link.url.split("/").pop()!, { method: "bank_transfer", email: "b@example.com", name: "B" });
  expect(pending.kind).toBe("pending");
  return { scope, context, order: pending.order, paymentId: pending.payment.id, reference: pending.payment.processorReference! };
}

async function typesOf(objectId: string) {
  return (await db.select({ type: events.type }).from(events).where(eq(events.objectId, objectId)).orderBy(events.id)).map((e) => e.type);
}

function post(body: string, signature = signNotification(TEST_NOTIFICATION_SECRET, body), url = inbound) {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature }, body });
}

function paymentSucceeded(id: string, paymentId: string, reference: string) {
  return JSON.stringify({ id, type: "payment.succeeded", created: Math.floor(Date.now() / 1000), data: { payment: paymentId, reference } });
}

describe("a bank transfer ends by the processor's notification", () => {
  test("sent by the simulator when due, over HTTP: the order is paid once, and a resent notification changes nothing", async () => {
    const { scope, order, paymentId } = await bankTransfer();
    expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("processing");
    expect(await receiver.sweep()).toBeGreaterThanOrEqual(1);
    expect(await getOrder(db, { ...scope, ...paymentContext }, order.id)).toMatchObject({ status: "paid", payment: { id: paymentId, method: "bank_transfer", status: "succeeded" } });
    const [handled] = await db.select().from(processorNotifications).where(eq(processorNotifications.id, `evt_sim_pay_${paymentId}`));
    expect(handled).toMatchObject({ processor: "simulator", type: "payment.succeeded", outcome: "applied" });

    // The processor did not hear our 2xx and sends it again: answered 200 (so it stops), applied once.
    await db.update(simulatorNotifications).set({ deliveredAt: null, dueAt: new Date() }).where(eq(simulatorNotifications.id, handled!.id));
    expect(await receiver.sweep()).toBeGreaterThanOrEqual(1);
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.paid"]);
  });

  test("ten copies of one notification at once: one applies it, the others are told it is a duplicate", async () => {
    const { scope, order, paymentId, reference } = await bankTransfer(3600);
    const body = paymentSucceeded(`evt_sim_pay_${paymentId}`, paymentId, reference);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(body).then(async (r) => ({ status: r.status, ...((await r.json()) as { outcome: string }) }))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.map((a) => a.outcome).sort()).toEqual(["applied", ...Array<string>(9).fill("duplicate")]);
    expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("paid");
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.paid"]);
  });

  test("a forged, stale or unsigned notification is refused with 401 and changes nothing; an unknown processor is 404", async () => {
    const { scope, order, paymentId, reference } = await bankTransfer(3600);
    const body = paymentSucceeded(`evt_forged_${paymentId}`, paymentId, reference);
    const refused = [
      await post(body, signNotification("not-the-secret", body)),
      await post(body, signNotification(TEST_NOTIFICATION_SECRET, body, new Date(Date.now() - 10 * 60_000))),
      await post(body, ""),
      // Signed, then changed on the way: always a real change (a body without the digit 4 once made a
      // "replace 4 by 5" tamper a no-op, and CI failed on the genuine signature being accepted).
      await post(body.replace('"payment.succeeded"', '"payment.failed"'), signNotification(TEST_NOTIFICATION_SECRET, body)),
    ];
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "signature_invalid", type: "authentication_error" } });
    }
    const unknown = await post(body, undefined, `${receiver.origin}/api/processors/acme/notifications`);
    expect(unknown.status).toBe(404);
    expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("processing");
    expect(await db.$count(processorNotifications, eq(processorNotifications.id, `evt_forged_${paymentId}`))).toBe(0);
  });

  test("a notification from a processor that did not handle the payment is ignored", async () => {
    const { scope, order, paymentId, reference } = await bankTransfer(3600);
    expect(await applyProcessorNotification(db, paymentContext, "acme", { id: `evt_acme_${paymentId}`, type: "payment.succeeded", paymentId, reference })).toBe("ignored");
    expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("processing");
  });

  test("a failed debit opens the order again for another try", async () => {
    const { scope, order, paymentId, reference } = await bankTransfer(3600);
    const body = JSON.stringify({ id: `evt_fail_${paymentId}`, type: "payment.failed", created: 1, data: { payment: paymentId, reference, code: "account_closed", message: "The account is closed." } });
    const answer = await post(body);
    expect(await answer.json()).toEqual({ received: true, outcome: "applied" });
    expect(await getOrder(db, { ...scope, ...paymentContext }, order.id)).toMatchObject({ status: "open" });
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.payment_failed"]);
  });

  test("money that arrives after the order was canceled is sent back: voided at the processor", async () => {
    const { scope, context, order, paymentId, reference } = await bankTransfer(3600);
    expect(await cancelOrder(db, { ...scope, ...context }, order.id)).toMatchObject({ status: "canceled" });
    const answer = await post(paymentSucceeded(`evt_late_${paymentId}`, paymentId, reference));
    expect(await answer.json()).toEqual({ received: true, outcome: "ignored" });
    const [book] = await db.select({ state: simulatorPayments.state }).from(simulatorPayments).where(eq(simulatorPayments.key, paymentId));
    expect(book!.state).toBe("voided");
    expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("canceled");
  });

  test("the test-mode control makes the bank confirm now, through the same route", async () => {
    const { scope, context, order } = await bankTransfer(3600);
    const confirmed = await simulateBankConfirmation(db, context, order.token);
    expect(confirmed.status).toBe("paid");
    expect(await typesOf(order.id)).toEqual(["order.created", "order.processing", "order.paid"]);
    await expect(simulateBankConfirmation(db, context, order.token)).rejects.toMatchObject({ code: "order_not_payable" });
    expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("paid");
  });
});

test("while our route cannot be reached the simulator keeps the notification, and sends it again later", async () => {
  const { scope, order, paymentId } = await bankTransfer(3600);
  const id = `evt_sim_pay_${paymentId}`;
  await db.update(simulatorNotifications).set({ dueAt: new Date() }).where(eq(simulatorNotifications.id, id));
  // Nothing listens on port 9 of localhost.
  const unreachable = simulatorContext(db, { bankTransferSeconds: 0, refundSeconds: 0 }, undefined, TEST_NOTIFICATION_SECRET, "http://localhost:9");
  const before = Date.now();
  expect(await unreachable.processors.named("simulator").runDue!()).toBe(0);
  const [kept] = await db.select().from(simulatorNotifications).where(eq(simulatorNotifications.id, id));
  expect(kept).toMatchObject({ deliveredAt: null, attempts: 1, lastError: expect.any(String) });
  expect(kept!.dueAt.getTime() - before).toBeGreaterThanOrEqual(4_000);
  expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("processing");

  // When it is due again and the route answers, it arrives.
  await db.update(simulatorNotifications).set({ dueAt: new Date() }).where(eq(simulatorNotifications.id, id));
  expect(await receiver.sweep()).toBeGreaterThanOrEqual(1);
  expect((await getOrder(db, { ...scope, ...paymentContext }, order.id)).status).toBe("paid");
  const [sent] = await db.select().from(simulatorNotifications).where(eq(simulatorNotifications.id, id));
  expect(sent).toMatchObject({ attempts: 2, deliveredAt: expect.any(Date), lastError: null });
});

describe("refunds end by the processor's notification", () => {
  async function settledOrder() {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...paymentContext };
    const link = await createPaymentLink(db, ctx, { item_name: "Tea", amount: 1_000, currency: "USD", default_country: "US" });
    const paid = await payLink(db, paymentContext, link.url.split("/").pop()!, cardBuyer());
    await settleOrders(db, paymentContext, scope);
    return { ctx, order: paid.order };
  }

  test("submitted after its commit, settled by the notification: the order is refunded, once", async () => {
    const { ctx, order } = await settledOrder();
    const refund = await refundOrder(db, ctx, order.id, { amount: 400 });
    expect(await submitRefunds(db, paymentContext)).toBeGreaterThanOrEqual(1);
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "paid", amount_refunded: 0, refundable_amount: 600 });
    await receiver.sweep();
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "partially_refunded", amount_refunded: 400, refundable_amount: 600 });
    const [row] = await db.select().from(refunds).where(eq(refunds.id, refund.id));
    expect(row).toMatchObject({ status: "succeeded", processorReference: expect.stringMatching(/^sim_re_/) });
    expect(await typesOf(refund.id)).toEqual(["refund.created", "refund.succeeded"]);
  });

  test("a failed refund gives the reserved amount back to refund again", async () => {
    const { ctx, order } = await settledOrder();
    const refund = await refundOrder(db, ctx, order.id, {});
    expect((await getOrder(db, ctx, order.id)).refundable_amount).toBe(0);
    const body = JSON.stringify({ id: `evt_refund_failed_${refund.id}`, type: "refund.failed", created: 1, data: { refund: refund.id, reference: "sim_re_x", message: "The card account is closed." } });
    expect(await (await post(body)).json()).toEqual({ received: true, outcome: "applied" });
    expect(await getOrder(db, ctx, order.id)).toMatchObject({ status: "paid", amount_refunded: 0, refundable_amount: 1_000 });
    const [row] = await db.select().from(refunds).where(and(eq(refunds.id, refund.id), eq(refunds.status, "failed")));
    expect(row?.failureReason).toBe("The card account is closed.");
    expect(await typesOf(refund.id)).toEqual(["refund.created", "refund.failed"]);
    // The same refund's success arriving after its failure changes nothing.
    const late = JSON.stringify({ id: `evt_refund_late_${refund.id}`, type: "refund.succeeded", created: 1, data: { refund: refund.id, reference: "sim_re_x" } });
    expect(await (await post(late)).json()).toEqual({ received: true, outcome: "ignored" });
    const [o] = await db.select({ amountRefunded: orders.amountRefunded }).from(orders).where(eq(orders.id, order.id));
    expect(o!.amountRefunded).toBe(0);
  });
});

test("maintenance forgets notifications after NOTIFICATION_RETENTION_DAYS, and only then", async () => {
  const { runMaintenance, NOTIFICATION_RETENTION_DAYS } = await import("@/lib/jobs/maintenance");
  const tag = `retention_${Date.now()}`;
  const long = new Date(Date.now() - (NOTIFICATION_RETENTION_DAYS + 1) * 86_400_000);
  await db.insert(processorNotifications).values([
    { processor: "simulator", id: `${tag}_old`, type: "payment.succeeded", outcome: "applied", receivedAt: long },
    { processor: "simulator", id: `${tag}_new`, type: "payment.succeeded", outcome: "applied" },
  ]);
  await db.insert(simulatorNotifications).values([
    { id: `${tag}_sent`, payload: {}, dueAt: long, deliveredAt: long },
    { id: `${tag}_unsent`, payload: {}, dueAt: new Date(Date.now() + 86_400_000) },
  ]);
  expect((await runMaintenance(db)).notifications).toBeGreaterThanOrEqual(2);
  const kept = (await db.select({ id: processorNotifications.id }).from(processorNotifications)).map((r) => r.id).filter((id) => id.startsWith(tag));
  expect(kept).toEqual([`${tag}_new`]);
  const outbox = (await db.select({ id: simulatorNotifications.id }).from(simulatorNotifications)).map((r) => r.id).filter((id) => id.startsWith(tag));
  expect(outbox).toEqual([`${tag}_unsent`]);
});
