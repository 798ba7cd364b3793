import type { Db } from "@/db/client";
import type { OrderRow, PaymentRow } from "@/db/schema";
import { changeOrder, countPaymentOnLink } from "./order-changes";
import { changePayment } from "./payment-changes";
import type { PaymentContext } from "./payment-context";

// How an asynchronous payment ends, whoever learns it first (the buyer back from 3-D Secure or a wallet,
// the bank confirming a transfer, the sweep that gives up on a stalled step): the payment and its order
// change together, with the order's event, in the caller's transaction (which holds the order's lock).

export type ActionOutcome = { kind: "paid"; order: OrderRow } | { kind: "declined"; order: OrderRow; message: string };

/** The payment succeeded: the order is paid (`order.paid`) and counts on its link. */
export async function recordPaymentSucceeded(tx: Db, paymentContext: PaymentContext, order: OrderRow, payment: PaymentRow): Promise<ActionOutcome> {
  const now = new Date();
  await changePayment(tx, payment, "succeeded", { capturedAt: now, nextAction: null }, { now });
  const { order: paid } = await changeOrder(tx, paymentContext.appUrl, order, {
    transition: "payment_succeeded",
    set: { paymentId: payment.id, paidAt: now },
    event: "order.paid",
  });
  await countPaymentOnLink(tx, paid);
  return { kind: "paid", order: paid };
}

/** The payment failed: the order is open again for another try (`order.payment_failed`). */
export async function recordPaymentFailed(
  tx: Db,
  paymentContext: PaymentContext,
  order: OrderRow,
  payment: PaymentRow,
  failure: { code: string; message: string },
  now: Date = new Date(),
): Promise<ActionOutcome> {
  await changePayment(tx, payment, "failed", { failureCode: failure.code, failureMessage: failure.message, nextAction: null }, { now });
  const { order: open } = await changeOrder(tx, paymentContext.appUrl, order, { transition: "payment_failed", event: "order.payment_failed" });
  return { kind: "declined", order: open, message: failure.message };
}
