import type { Db } from "@/db/client";
import { findMerchantName } from "@/db/queries/checkout";
import { findPayment, findOrder } from "@/db/queries/orders";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import type { PayOutcome, Reservation, WrittenReservation } from "./attempt-payment";
import { answerWithin } from "./connector-call";
import type { PaymentContext } from "./payment-context";
import { outcomeOf, recordAuthorization } from "./record-authorization";

/**
 * Steps 2 and 3 of a payment attempt (see attempt-payment.ts): asks the attempt's connector to authorize,
 * with no transaction open and the attempt's id as the idempotency key, then records the answer. A connector
 * that fails or does not answer within the context's `connectorTimeoutSeconds` leaves the attempt
 * `authorizing`: the buyer is told the payment is processing, and the recovery sweep asks the processor later.
 */
export async function authorizeReserved(
  db: Db,
  paymentContext: PaymentContext,
  reservation: Reservation,
  buyer: BuyerPayment,
  /** What the reservation's own transaction wrote, for the request that made it: nothing is read back. */
  written?: WrittenReservation,
): Promise<PayOutcome> {
  const { order, payment, merchantName } = written && written.paymentId === reservation.paymentId ? written : await loadReserved(db, reservation);
  if (payment.status !== "authorizing") return outcomeOf(order, payment);

  const connector = paymentContext.processors.named(payment.processor);
  const answer = await answerWithin(
    paymentContext,
    connector.authorize({
      paymentId: payment.id,
      method: buyer.method,
      amount: order.amount,
      currency: order.currency,
      livemode: order.livemode,
      capture: order.captureMethod,
      card: buyer.card,
      sepa: buyer.sepa ? { iban: buyer.sepa.iban, accountHolder: buyer.sepa.accountHolder } : undefined,
      descriptor: merchantName,
    }),
    "authorization",
    payment.id,
  );
  if (answer === null) return { kind: "processing", order, payment };
  return recordAuthorization(db, paymentContext, reservation, answer);
}

/**
 * The outcome of an attempt another request is authorizing (a double tap's twin): waits up to `waitMs` for
 * its answer to be recorded, then answers what is recorded — `processing` if it still is not.
 */
export async function recordedOutcome(db: Db, reservation: Reservation, waitMs: number): Promise<PayOutcome> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { order, payment } = await loadReserved(db, reservation);
    if (payment.status !== "authorizing" || Date.now() >= deadline) return outcomeOf(order, payment);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The order and attempt a reservation names (committed before it was handed out, so both exist). */
async function loadReserved(db: Db, reservation: Reservation) {
  const [order, payment, merchantName] = await Promise.all([
    findOrder(db, reservation.scope, reservation.orderId),
    findPayment(db, reservation.scope, reservation.paymentId),
    findMerchantName(db, reservation.scope.merchantId),
  ]);
  if (!order || !payment) throw new Error(`Payment ${reservation.paymentId} of order ${reservation.orderId} is missing.`);
  return { order, payment, merchantName };
}
