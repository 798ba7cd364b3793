import { and, asc, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findPayment } from "@/db/queries/orders";
import { orders } from "@/db/schema";
import { scopeOf } from "@/lib/core/scope";
import { enqueue, JOBS } from "@/lib/jobs/queue";
import { changeOrder } from "./order-changes";
import { changePayment } from "./payment-changes";
import type { PaymentContext } from "./payment-context";
import { SWEEP_BATCH, sweepInBatches } from "./sweep";

/**
 * Open orders past their expires_at become `expired`; so do authorized orders past their
 * authorization_expires_at (never captured): the authorization is released at the processor by a job queued
 * in the same transaction, as a void is.
 */
export async function expireOrders(db: Db, paymentContext: PaymentContext, now: Date = new Date()): Promise<number> {
  const unpaid = await sweepInBatches(db, async (tx) => {
    const due = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.status, "open"), lte(orders.expiresAt, now)))
      .orderBy(asc(orders.expiresAt))
      .limit(SWEEP_BATCH)
      .for("update", { skipLocked: true });
    for (const order of due) await changeOrder(tx, paymentContext.appUrl, order, { transition: "expire", event: "order.expired" });
    return due.length;
  });
  const lapsed = await sweepInBatches(db, async (tx) => {
    const due = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.status, "authorized"), lte(orders.authorizationExpiresAt, now)))
      .orderBy(asc(orders.authorizationExpiresAt))
      .limit(SWEEP_BATCH)
      .for("update", { skipLocked: true });
    let handled = 0;
    for (const order of due) {
      const held = order.paymentId ? await findPayment(tx, scopeOf(order), order.paymentId) : null;
      // A capture under way is left to finish (or to the recovery sweep): the money may already be taken.
      if (held?.captureRequestedAt) continue;
      if (held) {
        const released = await changePayment(tx, held, "voided", { voidedAt: now, failureCode: "authorization_expired", failureMessage: "The authorization lapsed before it was captured." }, { now });
        await enqueue(tx, JOBS.processorVoid, { paymentId: released.id, merchantId: released.merchantId, livemode: released.livemode });
      }
      await changeOrder(tx, paymentContext.appUrl, order, { transition: "expire", event: "order.expired", set: { authorizationExpiresAt: null } });
      handled += 1;
    }
    return handled;
  });
  return unpaid + lapsed;
}
