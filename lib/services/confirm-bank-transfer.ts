import type { Db } from "@/db/client";
import { latestPaymentWithStatus, lockOrder } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { scopeOf } from "@/lib/core/scope";
import type { PaymentContext } from "./payment-context";
import { recordPaymentSucceeded, type ActionOutcome } from "./payment-outcome";

/** The (simulated) bank's confirmation of a bank transfer: the scheduler, or the simulator's test control. */
export async function confirmBankTransfer(db: Db, paymentContext: PaymentContext, orderToken: string): Promise<ActionOutcome> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { token: orderToken });
    if (!order) throw new AppError("resource_missing", "No such order.");
    const payment = order.status === "processing" ? await latestPaymentWithStatus(tx, scopeOf(order), order.id, "pending") : null;
    if (!payment) throw new AppError("order_not_payable", "There is no bank transfer waiting on this order.");
    return recordPaymentSucceeded(tx, paymentContext, order, payment);
  });
}
