import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, refunds, type OrderRow, type RefundRow } from "@/db/schema";
import { scopeOf } from "@/lib/core/scope";
import { recordEvent } from "@/lib/events/record-event";
import { toRefundObject } from "@/lib/orders/serialize";
import { changeOrder } from "./order-changes";
import type { PaymentContext } from "./payment-context";

/**
 * How a pending refund ended, as the processor told us: the refund, the order's refunded amount and status,
 * and the events, in the caller's transaction (which holds the order's lock). False when the refund is no
 * longer pending (recorded already).
 */
export async function recordRefundOutcome(
  tx: Db,
  paymentContext: PaymentContext,
  order: OrderRow,
  refundId: string,
  outcome: { status: "succeeded" } | { status: "failed"; reason: string },
  now: Date = new Date(),
): Promise<boolean> {
  const [refund] = await tx
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, refundId), eq(refunds.orderId, order.id), eq(refunds.status, "pending")))
    .for("update");
  if (!refund) return false;
  const [updated] = await tx
    .update(refunds)
    .set({ status: outcome.status, failureReason: outcome.status === "failed" ? outcome.reason : null, updatedAt: now })
    .where(eq(refunds.id, refund.id))
    .returning();
  const scope = scopeOf(order);
  if (outcome.status === "succeeded") {
    const refunded = order.amountRefunded + refund.amount;
    await changeOrder(tx, paymentContext.appUrl, order, {
      transition: "refund_succeeded",
      fullyRefunded: refunded >= (order.amountCaptured ?? order.amount),
      set: { amountRefunded: refunded, amountRefundPending: order.amountRefundPending - refund.amount },
      event: "order.refunded",
    });
    await recordEvent(tx, scope, "refund.succeeded", toRefundObject(updated as RefundRow));
  } else {
    await tx
      .update(orders)
      .set({ amountRefundPending: order.amountRefundPending - refund.amount, updatedAt: now })
      .where(eq(orders.id, order.id));
    await recordEvent(tx, scope, "refund.failed", toRefundObject(updated as RefundRow));
  }
  return true;
}
