import type { Db } from "@/db/client";
import type { OrderRow, PaymentRow } from "@/db/schema";
import { changeOrder, recordOrderPaid } from "./order-changes";
import { receiptToQueue } from "./queue-receipt";
import { changePayment, type PaymentPatch } from "./payment-changes";
import type { PaymentContext } from "./payment-context";

// How a payment attempt ends, whoever learns it first (the processor's answer to an authorization, the buyer
// back from 3-D Secure or a wallet, the bank confirming a transfer, the sweep that gives up on a stalled
// step): the attempt and its order change together, with the order's event, in the caller's transaction
// (which holds the order's lock). `set` carries what else the answer says about the attempt (its reference,
// the card's brand and last four).

export type ActionOutcome =
  | { kind: "paid"; order: OrderRow; payment: PaymentRow }
  | { kind: "authorized"; order: OrderRow; payment: PaymentRow }
  | { kind: "declined"; order: OrderRow; payment: PaymentRow; message: string };

/**
 * Manual capture: the payment is authorized and the money held. The order waits in `authorized`
 * (`order.authorized`) for the merchant's capture until AUTHORIZATION_VALIDITY_HOURS have passed; it counts
 * on its link once captured.
 */
export async function recordPaymentAuthorized(
  tx: Db,
  paymentContext: PaymentContext,
  order: OrderRow,
  payment: PaymentRow,
  set: PaymentPatch = {},
  now: Date = new Date(),
): Promise<ActionOutcome> {
  // The attempt's and the order's updates go to the server together; a refused attempt rolls both back.
  const changing = changePayment(tx, payment, "authorized", { ...set, nextAction: null }, { now });
  const { order: authorized } = await changeOrder(tx, paymentContext.appUrl, order, {
    transition: "payment_authorized",
    set: { paymentId: payment.id, authorizationExpiresAt: new Date(now.getTime() + paymentContext.authorizationValidityHours * 3_600_000) },
    event: "order.authorized",
    shown: changing,
  });
  return { kind: "authorized", order: authorized, payment: await changing };
}

/** The payment succeeded: the order is paid (`order.paid`), counts on its link, and its receipt is queued. */
export async function recordPaymentSucceeded(
  tx: Db,
  paymentContext: PaymentContext,
  order: OrderRow,
  payment: PaymentRow,
  set: PaymentPatch = {},
  now: Date = new Date(),
): Promise<ActionOutcome> {
  // As above: both updates in one round trip, and with them the read that decides the receipt (of the order as
  // it is being written: paid now, for its whole amount).
  const changing = changePayment(tx, payment, "succeeded", { ...set, capturedAt: now, nextAction: null }, { now });
  const paying = { paymentId: payment.id, paidAt: now, amountCaptured: order.amount };
  const [{ order: paid }, receipt] = await Promise.all([
    changeOrder(tx, paymentContext.appUrl, order, { transition: "payment_succeeded", set: paying, event: "order.paid", shown: changing }),
    receiptToQueue(tx, { ...order, ...paying }, paymentContext.sendMaxPerHour),
  ]);
  await recordOrderPaid(tx, paymentContext, paid, receipt);
  return { kind: "paid", order: paid, payment: await changing };
}

/** The payment failed: the order is open again for another try (`order.payment_failed`). */
export async function recordPaymentFailed(
  tx: Db,
  paymentContext: PaymentContext,
  order: OrderRow,
  payment: PaymentRow,
  failure: { code: string; message: string },
  now: Date = new Date(),
  set: PaymentPatch = {},
): Promise<ActionOutcome> {
  const changed = await changePayment(tx, payment, "failed", { ...set, failureCode: failure.code, failureMessage: failure.message, nextAction: null }, { now });
  const { order: open } = await changeOrder(tx, paymentContext.appUrl, order, { transition: "payment_failed", event: "order.payment_failed" });
  return { kind: "declined", order: open, payment: changed, message: failure.message };
}
