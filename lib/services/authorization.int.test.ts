import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, orders, payments, paymentLinks, simulatorPayments } from "@/db/schema";
import { onlyConnector } from "@/lib/processor";
import type { AuthorizeRequest, PaymentConnector } from "@/lib/processor/connector";
import { SIMULATOR } from "@/lib/processor/simulated";
import { openPrivateTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { authorizeReserved, recordedOutcome } from "./authorize-payment";
import { cancelOrder } from "./cancel-order";
import { createPaymentLink } from "./create-payment-link";
import { payLink, reserveLinkPayment } from "./pay-link";
import type { PaymentContext } from "./payment-context";
import { recordAuthorization } from "./record-authorization";
import { NEVER_RECEIVED, recoverAuthorizations } from "./recover-authorizations";
import { sendProcessorVoid } from "./send-processor-void";
import { voidOrder } from "./void-order";

// A payment attempt in three steps (attempt-payment.ts): reserve and commit, call the connector with no
// transaction open, record the answer. On a database of its own: the recovery sweep reads every attempt.

const database = await openPrivateTestDatabase("paylink_authorization");
const db = database.db;
const paymentContext = simulatorContext(db);

async function setup(link: Record<string, unknown> = {}) {
  const scope = await newMerchantScope(db);
  const created = await createPaymentLink(db, { ...scope, ...paymentContext }, { item_name: "Tea", amount: 1200, currency: "USD", default_country: "US", ...link });
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, created.id));
  return { scope, link: row! };
}

async function eventTypes(orderId: string) {
  return (await db.select({ type: events.type }).from(events).where(eq(events.objectId, orderId)).orderBy(events.id)).map((e) => e.type);
}

async function paymentOf(id: string) {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

/** A context whose connector is `wrap` around the simulator (same books, same answers). */
function around(wrap: (simulator: PaymentConnector) => Partial<PaymentConnector>, overrides: Partial<PaymentContext> = {}): PaymentContext {
  const simulator = simulatorContext(db).processors.named(SIMULATOR);
  return { ...paymentContext, processors: onlyConnector({ ...simulator, ...wrap(simulator) }), ...overrides };
}

describe("the processor is called with no lock held", () => {
  test("while the connector authorizes, the link and the order can be locked by anyone else at once", async () => {
    const { link } = await setup({ max_payments: 3 });
    const seen: string[] = [];
    const context = around((simulator) => ({
      async authorize(request: AuthorizeRequest) {
        // NOWAIT fails at once if any transaction holds the row: the reservation must have committed.
        await db.transaction(async (tx) => {
          await tx.execute(sql`select id from payment_links where id = ${link.id} for update nowait`);
          const [order] = await tx.select({ id: orders.id, status: orders.status }).from(orders).innerJoin(payments, eq(payments.orderId, orders.id)).where(eq(payments.id, request.paymentId)).for("update", { noWait: true });
          const [attempt] = await tx.select({ status: payments.status }).from(payments).where(eq(payments.id, request.paymentId));
          seen.push(`${order!.status}/${attempt!.status}`);
        });
        return simulator.authorize(request);
      },
    }));
    const outcome = await payLink(db, context, link.token, cardBuyer());
    expect(outcome.kind).toBe("paid");
    expect(seen).toEqual(["processing/authorizing"]);
    expect(await eventTypes(outcome.order.id)).toEqual(["order.created", "order.processing", "order.paid"]);
  });

  test("an attempt in flight holds its seat of a max_payments link until its answer is recorded", async () => {
    const { link } = await setup({ max_payments: 1 });
    const reservation = await reserveLinkPayment(db, paymentContext, link.token, cardBuyer());
    await expect(payLink(db, paymentContext, link.token, cardBuyer())).rejects.toMatchObject({ code: "payment_link_inactive" });
    const declined = await authorizeReserved(db, paymentContext, reservation, cardBuyer("4000000000000002"));
    expect(declined.kind).toBe("declined");
    // The decline gave the seat back.
    expect((await payLink(db, paymentContext, link.token, cardBuyer())).kind).toBe("paid");
  });
});

describe("recording the answer", () => {
  test("recorded once: a second recording of the same answer changes nothing and counts nothing twice", async () => {
    const { link } = await setup();
    const reservation = await reserveLinkPayment(db, paymentContext, link.token, cardBuyer());
    const answer = await paymentContext.processors.named("simulator").authorize({ paymentId: reservation.paymentId, method: "card", amount: 1200, currency: "USD", livemode: false, capture: "automatic" as const, descriptor: "Tea shop", card: cardBuyer().card });
    const [first, second] = await Promise.all([recordAuthorization(db, paymentContext, reservation, answer), recordAuthorization(db, paymentContext, reservation, answer)]);
    expect([first.kind, second.kind]).toEqual(["paid", "paid"]);
    const [after] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect([after!.payCount, after!.successAmount]).toEqual([1, 1200]);
    expect((await eventTypes(reservation.orderId)).filter((t) => t === "order.paid")).toHaveLength(1);
  });

  test("the same idempotency key sent twice is one authorization at the processor, answered the same way", async () => {
    const { link } = await setup();
    const reservation = await reserveLinkPayment(db, paymentContext, link.token, cardBuyer());
    const request = { paymentId: reservation.paymentId, method: "card" as const, amount: 1200, currency: "USD", livemode: false, capture: "automatic" as const, descriptor: "Tea shop", card: cardBuyer().card };
    const simulator = paymentContext.processors.named("simulator");
    const [a, b] = await Promise.all([simulator.authorize(request), simulator.authorize(request)]);
    expect(a).toEqual(b);
    expect(await db.select().from(simulatorPayments).where(eq(simulatorPayments.key, reservation.paymentId))).toHaveLength(1);
    expect((await recordAuthorization(db, paymentContext, reservation, a)).kind).toBe("paid");
  });

  test("a double tap's twin waits for the first request's answer instead of calling the processor", async () => {
    const { link } = await setup();
    const reservation = await reserveLinkPayment(db, paymentContext, link.token, cardBuyer());
    const twin = recordedOutcome(db, reservation, 5_000);
    const first = await authorizeReserved(db, paymentContext, reservation, cardBuyer());
    expect([first.kind, (await twin).kind]).toEqual(["paid", "paid"]);
    expect((await recordedOutcome(db, reservation, 0)).order.status).toBe("paid");
  });

  test("a connector that fails or never answers leaves the attempt authorizing and tells the buyer it is processing", async () => {
    const { link } = await setup();
    const failing = around(() => ({ authorize: async () => Promise.reject(new Error("connect ECONNREFUSED")) }));
    const failed = await payLink(db, failing, link.token, cardBuyer());
    expect([failed.kind, failed.payment.status, failed.order.status]).toEqual(["processing", "authorizing", "processing"]);

    const silent = around(() => ({ authorize: () => new Promise(() => {}) }), { connectorTimeoutSeconds: 0.2 });
    const started = Date.now();
    const timedOut = await payLink(db, silent, link.token, cardBuyer());
    expect([timedOut.kind, timedOut.payment.status]).toEqual(["processing", "authorizing"]);
    expect(Date.now() - started).toBeLessThan(2_000);

    // Neither request reached the processor: the recovery sweep fails both, and their seats are free again.
    expect(await recoverAuthorizations(db, paymentContext, 0)).toBe(2);
    for (const outcome of [failed, timedOut]) {
      expect(await paymentOf(outcome.payment.id)).toMatchObject({ status: "failed", failureCode: NEVER_RECEIVED.code });
    }
  });

  test("an order canceled while the processor was authorizing is not charged: the late success is voided there", async () => {
    const { scope, link } = await setup();
    const reservation = await reserveLinkPayment(db, paymentContext, link.token, cardBuyer());
    // The merchant cancels while the processor is still thinking (the cancel takes the order's lock at once).
    const context = around((simulator) => ({
      async authorize(request: AuthorizeRequest) {
        await cancelOrder(db, { ...scope, ...paymentContext }, reservation.orderId);
        return simulator.authorize(request);
      },
    }));
    const outcome = await authorizeReserved(db, context, reservation, cardBuyer());
    expect(outcome.order.status).toBe("canceled");
    expect((await paymentOf(reservation.paymentId)).status).toBe("failed");
    const [booked] = await db.select().from(simulatorPayments).where(eq(simulatorPayments.key, reservation.paymentId));
    expect(booked!.state).toBe("voided");
    const [after] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(after!.payCount).toBe(0);
  });
});

describe("the recovery sweep", () => {
  test("an attempt the processor took but whose answer was lost is recorded as the processor says; one it never got fails", async () => {
    const { link } = await setup({ max_payments: 2 });
    // Both reserved and committed, then the app "died": one call had reached the processor, one had not.
    const reached = await reserveLinkPayment(db, paymentContext, link.token, cardBuyer());
    const lost = await reserveLinkPayment(db, paymentContext, link.token, cardBuyer());
    await paymentContext.processors.named("simulator").authorize({ paymentId: reached.paymentId, method: "card", amount: 1200, currency: "USD", livemode: false, capture: "automatic" as const, descriptor: "Tea shop", card: cardBuyer().card });

    // Too young: a request may still be waiting for its answer.
    expect(await recoverAuthorizations(db, paymentContext, 60)).toBe(0);
    expect(await recoverAuthorizations(db, paymentContext, 0)).toBe(2);

    expect(await paymentOf(reached.paymentId)).toMatchObject({ status: "succeeded", cardLast4: "4242" });
    expect(await paymentOf(lost.paymentId)).toMatchObject({ status: "failed", failureCode: NEVER_RECEIVED.code, processorReference: null });
    expect(await eventTypes(reached.orderId)).toEqual(["order.created", "order.processing", "order.paid"]);
    expect(await eventTypes(lost.orderId)).toEqual(["order.created", "order.processing", "order.payment_failed"]);
    const [after] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(after!.payCount).toBe(1);
    // Nothing left to recover, and a sweep running again changes nothing.
    expect(await recoverAuthorizations(db, paymentContext, 0)).toBe(0);
  });
});

describe("a void", () => {
  test("is recorded with its event first, and sent to the processor by a job queued in the same transaction", async () => {
    const { scope, link } = await setup();
    const paid = await payLink(db, paymentContext, link.token, cardBuyer());
    const before = await database.exec(`select count(*)::int as n from pgboss.job where name = 'processor-void'`);
    await voidOrder(db, { ...scope, ...paymentContext }, paid.order.id);

    expect(await paymentOf(paid.payment.id)).toMatchObject({ status: "voided", processorVoidedAt: null });
    const [queued] = await database.exec(`select data from pgboss.job where name = 'processor-void' order by created_on desc limit 1`);
    expect(queued!.data).toEqual({ paymentId: paid.payment.id, merchantId: scope.merchantId, livemode: false });
    expect(Number((await database.exec(`select count(*)::int as n from pgboss.job where name = 'processor-void'`))[0]!.n)).toBe(Number(before[0]!.n) + 1);
    const booked = async () => (await db.select().from(simulatorPayments).where(eq(simulatorPayments.key, paid.payment.id)))[0]!.state;
    expect(await booked()).toBe("charged");

    // What the job runs: the processor voids it once; a retried job sends nothing again.
    expect(await sendProcessorVoid(db, paymentContext, scope, paid.payment.id)).toBe(true);
    expect(await booked()).toBe("voided");
    expect((await paymentOf(paid.payment.id)).processorVoidedAt).toBeInstanceOf(Date);
    expect(await sendProcessorVoid(db, paymentContext, scope, paid.payment.id)).toBe(false);
    // Another merchant's scope finds nothing to send.
    expect(await sendProcessorVoid(db, paymentContext, { ...scope, livemode: true }, paid.payment.id)).toBe(false);
  });
});
