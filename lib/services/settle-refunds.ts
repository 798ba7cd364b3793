import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lockOrder } from "@/db/queries/orders";
import { orders, payments, refunds } from "@/db/schema";
import { scopeOf } from "@/lib/core/scope";
import { recordEvent } from "@/lib/events/record-event";
import { toRefundObject } from "@/lib/orders/serialize";
import { changeOrder } from "./order-changes";
import type { PaymentContext } from "./payment-context";
import { SWEEP_BATCH } from "./sweep";

/**
 * Pending refunds: submits new ones to the processor (keyed by the refund id, so a repeated submission is
 * one refund), then records those the processor has settled or failed, with the order and the events.
 */
export async function settleRefunds(db: Db, paymentContext: PaymentContext, now: Date = new Date()): Promise<number> {
  const pending = await db.select().from(refunds).where(eq(refunds.status, "pending")).orderBy(asc(refunds.createdAt)).limit(SWEEP_BATCH);
  let count = 0;
  for (const candidate of pending) {
    // The refund goes to the processor that took the payment.
    const [payment] = await db
      .select({ reference: payments.processorReference, processor: payments.processor })
      .from(payments)
      .innerJoin(orders, eq(orders.paymentId, payments.id))
      .where(eq(orders.id, candidate.orderId));
    if (!payment) continue;
    const connector = paymentContext.processors.named(payment.processor);
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
        await changeOrder(tx, paymentContext.appUrl, order, {
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
