import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, payments, refunds } from "@/db/schema";
import { errorForLog, logger } from "@/lib/logger";
import type { PaymentContext } from "./payment-context";
import { SWEEP_BATCH } from "./sweep";

/**
 * Pending refunds not yet sent: submits each to the processor that took the payment, keyed by the refund id
 * (a repeated submission is one refund), after the refund's own commit and with no transaction open. How a
 * refund ends arrives later as the processor's notification (apply-processor-notification.ts).
 */
export async function submitRefunds(db: Db, paymentContext: PaymentContext, now: Date = new Date()): Promise<number> {
  const unsent = await db
    .select({ id: refunds.id, amount: refunds.amount, reference: payments.processorReference, processor: payments.processor })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .innerJoin(payments, eq(payments.id, orders.paymentId))
    .where(and(eq(refunds.status, "pending"), isNull(refunds.processorReference)))
    .orderBy(asc(refunds.createdAt))
    .limit(SWEEP_BATCH);
  let count = 0;
  for (const refund of unsent) {
    try {
      const { reference } = await paymentContext.processors.named(refund.processor).refund(refund.reference ?? "", refund.amount, refund.id);
      await db.update(refunds).set({ processorReference: reference, updatedAt: now }).where(and(eq(refunds.id, refund.id), isNull(refunds.processorReference)));
      count += 1;
    } catch (error) {
      // This one is sent again next time (keyed by its id); the refunds behind it are not held up.
      logger().warn({ refund: refund.id, err: errorForLog(error) }, "the processor did not take a refund: it is sent again on the next sweep");
    }
  }
  return count;
}
