import type { Db } from "@/db/client";
import { latestPaymentWithStatus, lockOrder } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { scopeOf } from "@/lib/core/scope";
import type { PaymentContext } from "./payment-context";
import { recordPaymentFailed, recordPaymentSucceeded, type ActionOutcome } from "./payment-outcome";

/** The buyer's answer on the 3-D Secure challenge or the wallet's approval page. */
export async function completePaymentAction(db: Db, paymentContext: PaymentContext, orderToken: string, approved: boolean): Promise<ActionOutcome> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { token: orderToken });
    if (!order) throw new AppError("resource_missing", "No such order.");
    const payment = order.status === "processing" ? await latestPaymentWithStatus(tx, scopeOf(order), order.id, "requires_action") : null;
    if (!payment) throw new AppError("order_not_payable", "There is no payment waiting for your approval on this order.");
    const result = await paymentContext.processors.named(payment.processor).completeAction(payment.processorReference ?? "", approved);
    return result.status === "succeeded"
      ? recordPaymentSucceeded(tx, paymentContext, order, payment)
      : recordPaymentFailed(tx, paymentContext, order, payment, { code: result.code, message: result.message });
  });
}
