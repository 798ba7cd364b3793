import type { Db } from "@/db/client";
import { findPayment, lockOrder } from "@/db/queries/orders";
import type { OrderRow, PaymentRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import { answeredStatus } from "@/lib/payments/attempt-machine";
import type { AuthorizeResult, BuyerAction, PendingAction } from "@/lib/processor/connector";
import type { PayOutcome, Reservation } from "./attempt-payment";
import { changePayment } from "./payment-changes";
import type { PaymentContext } from "./payment-context";
import { recordPaymentAuthorized, recordPaymentFailed, recordPaymentSucceeded } from "./payment-outcome";

/**
 * Step 3 of a payment attempt (see attempt-payment.ts): records the connector's answer in a transaction of
 * its own, under the order's row lock. Whoever comes first records it — the buyer's request, a twin, or the
 * recovery sweep — and the others find it recorded. When the attempt was closed meanwhile (the order was
 * canceled) and the processor took the money anyway, the authorization is voided at the processor, after the
 * commit: nothing is charged for an order that will not be paid.
 */
export async function recordAuthorization(db: Db, paymentContext: PaymentContext, reservation: Reservation, answer: AuthorizeResult): Promise<PayOutcome> {
  const { outcome, orphaned } = await db.transaction(async (tx) => {
    // The attempt is read right behind the order's lock, in the same round trip: the server runs it once the
    // lock is held, so it sees whatever the lock's previous holder recorded.
    const [order, payment] = await Promise.all([lockOrder(tx, { id: reservation.orderId, scope: reservation.scope }), findPayment(tx, reservation.scope, reservation.paymentId)]);
    if (!order || !payment) throw new Error(`Payment ${reservation.paymentId} of order ${reservation.orderId} is missing.`);
    if (payment.status !== "authorizing") {
      const took = answer.status === "succeeded" || answer.status === "authorized";
      return { outcome: outcomeOf(order, payment), orphaned: took && payment.status === "failed" };
    }
    return { outcome: await applyAnswer(tx, paymentContext, order, payment, answer), orphaned: false };
  });
  if (orphaned) {
    logger().warn({ payment: reservation.paymentId, order: reservation.orderId }, "the processor authorized a payment whose attempt was already closed: voiding it");
    await paymentContext.processors.named(outcome.payment.processor).void(answer.reference);
  }
  return outcome;
}

async function applyAnswer(tx: Db, paymentContext: PaymentContext, order: OrderRow, payment: PaymentRow, answer: AuthorizeResult): Promise<PayOutcome> {
  const now = new Date();
  const fromAnswer = {
    processorReference: answer.reference || null,
    ...("card" in answer && answer.card ? { cardBrand: answer.card.brand, cardLast4: answer.card.last4 } : {}),
  };
  switch (answer.status) {
    case "succeeded":
      return recordPaymentSucceeded(tx, paymentContext, order, payment, fromAnswer, now);
    case "authorized":
      return recordPaymentAuthorized(tx, paymentContext, order, payment, fromAnswer, now);
    case "declined":
      return recordPaymentFailed(tx, paymentContext, order, payment, { code: answer.code, message: answer.message }, now, fromAnswer);
    // The order is processing already (since the reservation): the attempt waits for the buyer or the bank.
    case "requires_action":
    case "pending": {
      // A QR payment's payload is shown to the buyer from the attempt: kept with it.
      const qr = answer.status === "pending" && answer.qr ? { details: { ...payment.details, qr: answer.qr } } : {};
      const waiting = await changePayment(tx, payment, answeredStatus(answer.status), { ...fromAnswer, ...qr, nextAction: answer.action }, { now });
      return answer.status === "pending"
        ? { kind: "pending", order, payment: waiting, action: answer.action }
        : { kind: "requires_action", order, payment: waiting, action: answer.action };
    }
  }
}

/** An attempt's outcome as recorded: what a twin request, or a request that lost the race, answers. */
export function outcomeOf(order: OrderRow, payment: PaymentRow): PayOutcome {
  switch (payment.status) {
    case "succeeded":
    case "voided":
      return { kind: "paid", order, payment };
    case "authorized":
      return { kind: "authorized", order, payment };
    case "failed":
      return { kind: "declined", order, payment, message: payment.failureMessage ?? "The payment did not go through." };
    case "requires_action":
      return { kind: "requires_action", order, payment, action: buyerAction(payment.nextAction) };
    case "pending":
      return { kind: "pending", order, payment, action: pendingAction(payment.nextAction) };
    case "authorizing":
      return { kind: "processing", order, payment };
  }
}

const BUYER_ACTIONS: readonly BuyerAction[] = ["three_d_secure", "wallet_redirect", "bank_redirect", "pay_later"];
const PENDING_ACTIONS: readonly PendingAction[] = ["bank_transfer", "qr_code", "sepa_debit"];

/** The step a waiting attempt recorded (`next_action`), as the checkout routes it. */
export function buyerAction(nextAction: string | null): BuyerAction {
  return BUYER_ACTIONS.find((a) => a === nextAction) ?? "wallet_redirect";
}

export function pendingAction(nextAction: string | null): PendingAction {
  return PENDING_ACTIONS.find((a) => a === nextAction) ?? "bank_transfer";
}
