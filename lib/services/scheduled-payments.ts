import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lockOrder } from "@/db/queries/orders";
import { orders, payments, refunds } from "@/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { toRefundObject } from "@/lib/orders/serialize";
import { changeOrder, type PaymentContext } from "./order-changes";
import { confirmBankTransfer } from "./complete-payment-action";
import { scopeOf, whereScope, type MerchantScope } from "@/lib/core/scope";

// The payment work nobody clicks for: expiry, settlement, bank transfers arriving, refunds settling. Each
// runs in small batches, one transaction per order, and skips rows another process holds (SKIP LOCKED), so
// several workers can run them at once without doing anything twice.

const BATCH = 200;

/** Open orders past their expires_at become `expired`. */
export async function expireOrders(db: Db, pctx: PaymentContext, now: Date = new Date()): Promise<number> {
  let count = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.status, "open"), lte(orders.expiresAt, now)))
        .orderBy(asc(orders.expiresAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const order of due) await changeOrder(tx, pctx.appUrl, order, { transition: "expire", event: "order.expired" });
      return due.length;
    });
    count += done;
    if (done < BATCH) return count;
  }
}

/**
 * Settles paid, unsettled orders: the scheduled daily run (all merchants) or the test helper (one
 * merchant's test mode). After settlement a payment can no longer be voided, only refunded.
 */
export async function settleOrders(db: Db, pctx: PaymentContext, scope?: MerchantScope, now: Date = new Date()): Promise<number> {
  let count = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(orders)
        .where(
          and(
            eq(orders.status, "paid"),
            isNull(orders.settledAt),
            scope ? whereScope(orders, scope) : undefined,
          ),
        )
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const order of due) {
        if (order.paymentId) await tx.update(payments).set({ settledAt: now, updatedAt: now }).where(eq(payments.id, order.paymentId));
        await changeOrder(tx, pctx.appUrl, order, { set: { settledAt: now }, event: "order.settled" });
      }
      return due.length;
    });
    count += done;
    if (done < BATCH) return count;
  }
}

/** What a payment the buyer never finished fails with: `order.payment_failed` carries it. */
export const ACTION_TIMEOUT = { code: "action_timeout", message: "The payment was not completed in time: the 3-D Secure or wallet step was never finished." } as const;

/**
 * Payments waiting for the buyer (3-D Secure, a wallet's approval) for longer than `timeoutSeconds` fail with
 * `action_timeout`: the order is open again (`order.payment_failed`), so it no longer holds a seat of a
 * `max_payments` link, and the buyer may start over. The buyer's late answer then finds nothing to complete.
 */
export async function failStalledPaymentActions(db: Db, pctx: PaymentContext, timeoutSeconds: number, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - timeoutSeconds * 1000);
  let count = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const stalled = await tx
        .select({ payment: payments, order: orders })
        .from(payments)
        .innerJoin(orders, eq(orders.id, payments.orderId))
        .where(and(eq(payments.status, "requires_action"), lte(payments.createdAt, cutoff), eq(orders.status, "processing")))
        .orderBy(asc(payments.createdAt))
        .limit(BATCH)
        .for("update", { of: [payments, orders], skipLocked: true });
      for (const { payment, order } of stalled) {
        await tx
          .update(payments)
          .set({ status: "failed", failureCode: ACTION_TIMEOUT.code, failureMessage: ACTION_TIMEOUT.message, nextAction: null, updatedAt: now })
          .where(eq(payments.id, payment.id));
        await changeOrder(tx, pctx.appUrl, order, { transition: "payment_failed", event: "order.payment_failed" });
      }
      return stalled.length;
    });
    count += done;
    if (done < BATCH) return count;
  }
}

/** Bank transfers the (simulated) bank has confirmed: their orders become paid. */
export async function confirmArrivedBankTransfers(db: Db, pctx: PaymentContext, now: Date = new Date()): Promise<number> {
  const pending = await db
    .select({ createdAt: payments.createdAt, reference: payments.processorReference, processor: payments.processor, token: orders.token })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(eq(payments.status, "pending"), eq(payments.method, "bank_transfer"), eq(orders.status, "processing")))
    .limit(BATCH);
  let count = 0;
  for (const p of pending) {
    if (!(await pctx.processors.named(p.processor).asyncPaymentArrived(p.reference ?? "", p.createdAt, now))) continue;
    try {
      await confirmBankTransfer(db, pctx, p.token);
      count += 1;
    } catch {
      // Canceled or confirmed by someone else in the meantime: nothing to do.
    }
  }
  return count;
}

/**
 * Pending refunds: submits new ones to the processor (keyed by the refund id, so a repeated submission is
 * one refund), then records those the processor has settled or failed, with the order and the events.
 */
export async function settleRefunds(db: Db, pctx: PaymentContext, now: Date = new Date()): Promise<number> {
  const pending = await db.select().from(refunds).where(eq(refunds.status, "pending")).orderBy(asc(refunds.createdAt)).limit(BATCH);
  let count = 0;
  for (const candidate of pending) {
    // The refund goes to the processor that took the payment.
    const [payment] = await db
      .select({ reference: payments.processorReference, processor: payments.processor })
      .from(payments)
      .innerJoin(orders, eq(orders.paymentId, payments.id))
      .where(eq(orders.id, candidate.orderId));
    if (!payment) continue;
    const connector = pctx.processors.named(payment.processor);
    let processorReference = candidate.processorReference;
    if (!processorReference) {
      processorReference = (await connector.refund(payment.reference ?? "", candidate.amount, candidate.id)).reference;
      await db.update(refunds).set({ processorReference, updatedAt: now }).where(and(eq(refunds.id, candidate.id), isNull(refunds.processorReference)));
    }
    const outcome = await connector.refundOutcome(processorReference, candidate.createdAt, now);
    if (outcome === "pending") continue;
    const changed = await db.transaction(async (tx) => {
      const order = await lockOrder(tx, { id: candidate.orderId });
      const [refund] = await tx.select().from(refunds).where(and(eq(refunds.id, candidate.id), eq(refunds.status, "pending"))).for("update");
      if (!order || !refund) return false; // settled by another process
      const [updated] = await tx
        .update(refunds)
        .set({ status: outcome, failureReason: outcome === "failed" ? "The processor could not refund this payment." : null, updatedAt: now })
        .where(eq(refunds.id, refund.id))
        .returning();
      const scope = scopeOf(order);
      if (outcome === "succeeded") {
        const refunded = order.amountRefunded + refund.amount;
        await changeOrder(tx, pctx.appUrl, order, {
          transition: "refund_succeeded",
          fullyRefunded: refunded >= order.amount,
          set: { amountRefunded: refunded, amountRefundPending: order.amountRefundPending - refund.amount },
          event: "order.refunded",
        });
        await recordEvent(tx, scope, "refund.succeeded", toRefundObject(updated!));
      } else {
        await tx
          .update(orders)
          .set({ amountRefundPending: order.amountRefundPending - refund.amount, updatedAt: now })
          .where(eq(orders.id, order.id));
        await recordEvent(tx, scope, "refund.failed", toRefundObject(updated!));
      }
      return true;
    });
    if (changed) count += 1;
  }
  return count;
}
