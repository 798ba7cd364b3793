import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findPayment, lockOrder } from "@/db/queries/orders";
import { payments, processorNotifications, refunds } from "@/db/schema";
import { scopeOf } from "@/lib/core/scope";
import type { NotificationOutcome } from "@/lib/core/statuses";
import { logger } from "@/lib/logger";
import { isPaymentInFlight } from "@/lib/payments/attempt-machine";
import type { ProcessorNotification } from "@/lib/processor/connector";
import type { PaymentContext } from "./payment-context";
import { recordPaymentFailed, recordPaymentSucceeded } from "./payment-outcome";
import { recordRefundOutcome } from "./refund-outcome";

type Applied = { outcome: "applied" | "ignored"; orphan?: { reference: string } };

/**
 * Applies a verified notification from `processor` (the route checked its signature). The notification's id
 * is recorded in the same transaction as the change it causes, first, so a retry of it — processors send
 * again until they hear a 2xx, and may send twice at once — waits for the first and then changes nothing.
 * A notification applies only to a payment or refund that processor handled. A payment that succeeded at the
 * processor after its attempt was closed here (the order was canceled while the transfer was on its way) is
 * voided at the processor after the commit, as a late authorization is.
 */
export async function applyProcessorNotification(
  db: Db,
  paymentContext: PaymentContext,
  processor: string,
  notification: ProcessorNotification,
): Promise<NotificationOutcome> {
  const result = await db.transaction(async (tx): Promise<Applied | null> => {
    const [fresh] = await tx
      .insert(processorNotifications)
      .values({ processor, id: notification.id, type: notification.type, outcome: "applied" })
      .onConflictDoNothing()
      .returning({ id: processorNotifications.id });
    if (!fresh) return null;
    const applied =
      notification.type === "payment.succeeded" || notification.type === "payment.failed"
        ? await applyPaymentOutcome(tx, paymentContext, processor, notification)
        : await applyRefundOutcome(tx, paymentContext, processor, notification);
    if (applied.outcome === "ignored") {
      await tx
        .update(processorNotifications)
        .set({ outcome: "ignored" })
        .where(and(eq(processorNotifications.processor, processor), eq(processorNotifications.id, notification.id)));
    }
    return applied;
  });
  if (!result) return "duplicate";
  if (result.orphan) {
    logger().warn({ processor, notification: notification.id }, "the processor took a payment whose attempt was already closed: voiding it");
    try {
      await paymentContext.processors.named(processor).void(result.orphan.reference);
    } catch (error) {
      // Not given back yet: forget the notification, so the processor's resend (our answer is now a 500)
      // finds it new and the void is tried again, rather than a duplicate that changes nothing.
      await db
        .delete(processorNotifications)
        .where(and(eq(processorNotifications.processor, processor), eq(processorNotifications.id, notification.id)));
      throw error;
    }
  }
  return result.outcome;
}

async function applyPaymentOutcome(
  tx: Db,
  paymentContext: PaymentContext,
  processor: string,
  notification: Extract<ProcessorNotification, { type: "payment.succeeded" | "payment.failed" }>,
): Promise<Applied> {
  // The notification names our payment id (the idempotency key we gave); the payment names its merchant.
  const [named] = await tx
    .select({ orderId: payments.orderId, merchantId: payments.merchantId, livemode: payments.livemode })
    .from(payments)
    .where(and(eq(payments.id, notification.paymentId), eq(payments.processor, processor)));
  if (!named) return { outcome: "ignored" };
  const scope = scopeOf(named);
  const order = await lockOrder(tx, { id: named.orderId, scope });
  const payment = order ? await findPayment(tx, scope, notification.paymentId) : null;
  if (!order || !payment) return { outcome: "ignored" };
  if (!isPaymentInFlight(payment.status)) {
    const closedButCharged = notification.type === "payment.succeeded" && payment.status === "failed";
    return { outcome: "ignored", ...(closedButCharged ? { orphan: { reference: notification.reference } } : {}) };
  }
  const set = { processorReference: payment.processorReference ?? notification.reference };
  if (notification.type === "payment.succeeded") await recordPaymentSucceeded(tx, paymentContext, order, payment, set);
  else await recordPaymentFailed(tx, paymentContext, order, payment, { code: notification.code, message: notification.message }, new Date(), set);
  return { outcome: "applied" };
}

async function applyRefundOutcome(
  tx: Db,
  paymentContext: PaymentContext,
  processor: string,
  notification: Extract<ProcessorNotification, { type: "refund.succeeded" | "refund.failed" }>,
): Promise<Applied> {
  const [named] = await tx
    .select({ orderId: refunds.orderId, merchantId: refunds.merchantId, livemode: refunds.livemode })
    .from(refunds)
    .innerJoin(payments, eq(payments.orderId, refunds.orderId))
    .where(and(eq(refunds.id, notification.refundId), eq(payments.processor, processor), eq(payments.status, "succeeded")));
  if (!named) return { outcome: "ignored" };
  const order = await lockOrder(tx, { id: named.orderId, scope: scopeOf(named) });
  if (!order) return { outcome: "ignored" };
  const outcome = notification.type === "refund.succeeded" ? { status: "succeeded" as const } : { status: "failed" as const, reason: notification.message };
  return { outcome: (await recordRefundOutcome(tx, paymentContext, order, notification.refundId, outcome)) ? "applied" : "ignored" };
}
