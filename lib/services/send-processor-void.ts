import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findPayment } from "@/db/queries/orders";
import { payments } from "@/db/schema";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import type { PaymentContext } from "./payment-context";

/**
 * Tells the payment's processor of a void we have recorded (void-order.ts queues this), then notes the
 * acknowledgement. Throws when the processor fails, so the job is retried; a void already acknowledged is
 * not sent again. Answers whether it was sent now.
 */
export async function sendProcessorVoid(db: Db, paymentContext: PaymentContext, scope: MerchantScope, paymentId: string): Promise<boolean> {
  const payment = await findPayment(db, scope, paymentId);
  if (!payment || payment.status !== "voided" || payment.processorVoidedAt) return false;
  await paymentContext.processors.named(payment.processor).void(payment.processorReference ?? "");
  await db
    .update(payments)
    .set({ processorVoidedAt: new Date() })
    .where(and(whereScope(payments, scope), eq(payments.id, payment.id), isNull(payments.processorVoidedAt)));
  return true;
}
