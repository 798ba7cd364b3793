// Drill 3 (issue #5): two worker processes on one database, with refunds waiting to settle, bank transfers
// waiting to arrive and their events to deliver. No state change may be applied twice: each refund makes one
// `refund.succeeded`, each bank transfer one `order.paid`, each message one (succeeded) attempt. Refunds and
// bank transfers end by the simulator's notifications, which both workers send (and the test-mode control
// too) to the inbound route, answered here by a local receiver running the route's handler.
import { eq, inArray, like } from "drizzle-orm";
import { expect, test } from "vitest";
import { events, orders, processorNotifications, refunds, simulatorNotifications, webhookAttempts, webhookMessages } from "@/db/schema";
import { simulatorNotificationSecret } from "@/lib/processor";
import { AppError } from "@/lib/core/errors";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { simulateBankConfirmation } from "@/lib/services/simulate-bank-confirmation";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { payLink } from "@/lib/services/pay-link";
import { refundOrder } from "@/lib/services/refund-order";
import { settleOrders } from "@/lib/services/settle-orders";
import { submitRefunds } from "@/lib/services/submit-refunds";
import { cardBuyer, newMerchantScope, withNotificationReceiver } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { countBy, nothingInFlight, sleep, spawnWorker, workerEnv, type DrillProcess } from "./harness";
import { setUpDrill } from "./fixture";
import { startDrillReceiver, type DrillReceiver } from "./receiver";

const CARD_ORDERS = 20; // each refunded in two parts: 40 refunds
const BANK_TRANSFERS = 20;
const TIMING = { refundSeconds: 1, bankTransferSeconds: 2 };

const drill = setUpDrill();
let receiver: DrillReceiver;

/** The worker's own account of what it did: its debug lines (deliveries) and info lines (sweeps). */
function workDoneBy(worker: DrillProcess) {
  const lines = worker.json();
  const outcomes = lines.filter((l) => l.msg === "webhook deliveries").flatMap((l) => l.outcomes as string[]);
  const sweeps = lines.filter((l) => l.msg === "scheduled task done" && (l.task === "payments-sweep" || l.task === "processor-work")).map((l) => l.result as Record<string, number>);
  return {
    deliveries: countBy(outcomes, (o) => o),
    sweeps: sweeps.length,
    refundsSubmitted: sweeps.reduce((a, r) => a + (r.refundsSubmitted ?? 0), 0),
    notificationsSent: sweeps.reduce((a, r) => a + (r.notificationsSent ?? 0), 0),
  };
}

test("two workers at once: no refund, bank transfer or delivery is applied twice", { timeout: 180_000 }, async () => {
  const { db } = drill.database;
  let secret = "";
  receiver = drill.track(await startDrillReceiver(() => secret));
  const scope = await newMerchantScope(db);
  const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url: receiver.url, events: ["*"] });
  secret = endpoint.secret!;
  // The simulator's notifications, whoever sends them, arrive here, signed with the workers' secret.
  const notifications = await withNotificationReceiver(db, TIMING, simulatorNotificationSecret(workerEnv(drill.url).AUTH_SECRET!));
  drill.track(notifications);

  const env = {
    APP_URL: notifications.origin,
    SIMULATOR_REFUND_SECONDS: String(TIMING.refundSeconds),
    SIMULATOR_BANK_TRANSFER_SECONDS: String(TIMING.bankTransferSeconds),
    SCHEDULER_TICK_SECONDS: "1",
    LOG_LEVEL: "debug", // each worker's delivery outcomes, to show both did work
  };
  const workers = [spawnWorker("worker-a", drill.url, env), spawnWorker("worker-b", drill.url, env)];
  await Promise.all(workers.map((w) => w.waitForJson((l) => l.msg === "worker started", 60_000)));

  // The scenario, through the services, while both workers run and deliver its events.
  const paymentContext = notifications.paymentContext;
  const ctx = { ...scope, ...paymentContext };
  const link = await createPaymentLink(db, ctx, { item_name: "Drill", amount: 5_000, currency: "USD", default_country: "US", payment_methods: ["card", "bank_transfer"] });
  const token = link.url.split("/").pop()!;
  const cardOrders: string[] = [];
  for (let i = 0; i < CARD_ORDERS; i++) {
    const paid = await payLink(db, paymentContext, token, cardBuyer());
    expect(paid.kind).toBe("paid");
    cardOrders.push(paid.order.id);
  }
  expect(await settleOrders(db, paymentContext, scope)).toBe(CARD_ORDERS);
  const refundIds: string[] = [];
  for (const orderId of cardOrders) {
    refundIds.push((await refundOrder(db, ctx, orderId, { amount: 1_500, reason: "part" })).id);
    refundIds.push((await refundOrder(db, ctx, orderId, {})).id); // the rest
  }
  const bankOrders: { id: string; token: string; createdAt: number }[] = [];
  for (let i = 0; i < BANK_TRANSFERS; i++) {
    const pending = await payLink(db, paymentContext, token, { method: "bank_transfer", email: `bank${i}@example.com`, name: "Bank Buyer" });
    expect(pending.kind).toBe("pending");
    bankOrders.push({ id: pending.order.id, token: pending.order.token, createdAt: Date.now() });
  }

  // A third contender for the same state changes: the pg-boss `stately` sweep queue lets only one worker run
  // the payment sweep at a time, so the test process also runs what races with it in production — the
  // test-mode "the bank confirmed" control, on every other bank transfer at a random moment of the 2.5 s after
  // it is due (the workers' sweep runs every 1–2 s) — and the refund sweep itself while refunds become due.
  const racer = { bankConfirmed: 0, bankRefused: 0, refundsSubmitted: 0, notificationsSent: 0 };
  await Promise.all([
    ...bankOrders.filter((_, i) => i % 2 === 1).map(async (o) => {
      await sleep(o.createdAt + TIMING.bankTransferSeconds * 1000 + Math.random() * 2500 - Date.now());
      try {
        if ((await simulateBankConfirmation(db, paymentContext, o.token)).status === "paid") racer.bankConfirmed += 1;
      } catch (error) {
        if (!(error instanceof AppError && error.code === "order_not_payable")) throw error;
        racer.bankRefused += 1; // a worker confirmed it first
      }
    }),
    (async () => {
      for (let i = 0; i < 5; i++) {
        racer.refundsSubmitted += await submitRefunds(db, paymentContext);
        racer.notificationsSent += await notifications.sweep();
        await sleep(150);
      }
    })(),
  ]);

  // Everything settles, every message is delivered, the queues drain.
  await waitFor(
    () => nothingInFlight(drill.database),
    90_000,
    "refunds, bank transfers and deliveries to settle",
  );
  await sleep(1_500); // a second delivery of anything would arrive now
  await Promise.all(workers.map((w) => w.stop()));
  for (const w of workers) expect(await w.exited, `${w.name} stopped gracefully`).toEqual({ code: 0, signal: null });

  // State changes, once each.
  const allEvents = await db.select().from(events).where(eq(events.merchantId, scope.merchantId));
  const byObjectAndType = countBy(allEvents, (e) => `${e.objectId} ${e.type}`);
  const refundRows = await db.select().from(refunds).where(inArray(refunds.id, refundIds));
  expect(refundRows.every((r) => r.status === "succeeded")).toBe(true);
  for (const id of refundIds) {
    expect(byObjectAndType.get(`${id} refund.created`), id).toBe(1);
    expect(byObjectAndType.get(`${id} refund.succeeded`), id).toBe(1);
  }
  const cardRows = await db.select().from(orders).where(inArray(orders.id, cardOrders));
  for (const o of cardRows) {
    expect(o).toMatchObject({ status: "refunded", amountRefunded: 5_000, amountRefundPending: 0 });
    expect(byObjectAndType.get(`${o.id} order.refunded`), o.id).toBe(2);
    expect(byObjectAndType.get(`${o.id} order.settled`), o.id).toBe(1);
    expect(byObjectAndType.get(`${o.id} order.paid`), o.id).toBe(1);
  }
  const bankRows = await db.select().from(orders).where(inArray(orders.id, bankOrders.map((o) => o.id)));
  for (const o of bankRows) {
    expect(o.status, o.id).toBe("paid");
    expect(byObjectAndType.get(`${o.id} order.paid`), o.id).toBe(1);
  }

  // Deliveries: one message per event, exactly one attempt each, succeeded; each event arrived once, verified.
  const messages = await db.select().from(webhookMessages).where(eq(webhookMessages.endpointId, endpoint.id));
  expect(messages).toHaveLength(allEvents.length);
  expect(new Set(messages.map((m) => m.eventId))).toEqual(new Set(allEvents.map((e) => e.id)));
  const attempts = await db.select().from(webhookAttempts).where(inArray(webhookAttempts.messageId, messages.map((m) => m.id)));
  const attemptsPerMessage = countBy(attempts, (a) => a.messageId);
  for (const m of messages) {
    expect(m.status, m.id).toBe("succeeded");
    expect(attemptsPerMessage.get(m.id), m.id).toBe(1);
  }
  expect(attempts.every((a) => a.succeeded)).toBe(true);
  expect(receiver.deliveries.filter((d) => d.error !== null)).toEqual([]);
  expect(receiver.duplicates().size).toBe(0);
  expect(receiver.uniqueIds()).toEqual(new Set(allEvents.map((e) => e.id)));

  // Both workers delivered (each job went to exactly one of them).
  const done = workers.map(workDoneBy);
  const succeededBy = done.map((d) => d.deliveries.get("succeeded") ?? 0);
  expect(succeededBy[0]! + succeededBy[1]!).toBe(messages.length);
  expect(succeededBy.every((n) => n > 0), `deliveries per worker: ${succeededBy.join(", ")}`).toBe(true);

  console.log(
    `drill two-workers: ${JSON.stringify({
      events: allEvents.length,
      refunds: refundIds.length,
      bank_transfers: bankOrders.length,
      delivered: receiver.uniqueIds().size,
      duplicates: receiver.deliveries.length - receiver.uniqueIds().size,
      attempts: attempts.length,
      per_worker: done.map((d, i) => ({ worker: workers[i]!.name, delivered: succeededBy[i], skipped: d.deliveries.get("skipped") ?? 0, sweeps: d.sweeps, refunds_submitted: d.refundsSubmitted, notifications_sent: d.notificationsSent })),
      test_process: racer,
    })}`,
  );
  // Every refund reached the processor — sometimes from two contenders at once, which is why it is keyed by
  // the refund id: the processor booked one refund (one notification) each. Every refund's and bank
  // transfer's notification was applied once, however many of them sent it.
  expect(done.reduce((a, d) => a + d.refundsSubmitted, 0) + racer.refundsSubmitted).toBeGreaterThanOrEqual(refundIds.length);
  const booked = await db.select({ id: simulatorNotifications.id }).from(simulatorNotifications).where(like(simulatorNotifications.id, "evt_sim_re_%"));
  expect(booked.map((b) => b.id).sort()).toEqual(refundIds.map((id) => `evt_sim_re_${id}`).sort());
  const handled = await db.select().from(processorNotifications);
  expect(countBy(handled.filter((n) => n.outcome === "applied"), (n) => n.type)).toEqual(new Map([["refund.succeeded", refundIds.length], ["payment.succeeded", BANK_TRANSFERS]]));
  expect(done.reduce((a, d) => a + d.notificationsSent, 0) + racer.notificationsSent).toBeGreaterThanOrEqual(refundIds.length + BANK_TRANSFERS - racer.bankConfirmed);
});
