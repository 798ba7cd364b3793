import type { Db } from "@/db/client";
import { findOrderByToken, findPayment, latestPaymentWithStatus, lockOrder } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { scopeOf } from "@/lib/core/scope";
import { logger } from "@/lib/logger";
import { isPaymentMethod, METHOD_RULES } from "@/lib/payments/methods";
import type { PaymentContext } from "./payment-context";
import { recordPaymentAuthorized, recordPaymentFailed, recordPaymentSucceeded, type ActionOutcome } from "./payment-outcome";

const NOTHING_WAITING = "There is no payment waiting for your approval on this order.";

/**
 * The buyer's answer on the 3-D Secure challenge or the wallet's approval page, in the same three steps as an
 * authorization: find the waiting attempt, ask its connector with no transaction open, then record the answer
 * under the order's lock — unless the attempt changed meanwhile (timed out, canceled, or a twin recorded it).
 * A success the processor gave for an attempt that has since failed is voided there: the buyer is not charged.
 */
export async function completePaymentAction(
  db: Db,
  paymentContext: PaymentContext,
  orderToken: string,
  approved: boolean,
  answer: { bank?: string } = {},
): Promise<ActionOutcome> {
  const found = await findOrderByToken(db, orderToken);
  if (!found) throw new AppError("resource_missing", "No such order.");
  const scope = scopeOf(found);
  const waiting = found.status === "processing" ? await latestPaymentWithStatus(db, scope, found.id, "requires_action") : null;
  if (!waiting) throw new AppError("order_not_payable", NOTHING_WAITING);

  const connector = paymentContext.processors.named(waiting.processor);
  const result = await connector.completeAction(waiting.processorReference ?? "", approved);

  const { outcome, orphaned } = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: found.id, scope });
    const payment = order ? await findPayment(tx, scope, waiting.id) : null;
    if (!order || !payment) throw new AppError("resource_missing", "No such order.");
    if (payment.status === "requires_action") {
      // The bank the buyer chose on a bank page, if it is one of the method's: shown with the payment.
      const banks = isPaymentMethod(payment.method) ? (METHOD_RULES[payment.method].banks ?? []) : [];
      const set = answer.bank && banks.includes(answer.bank) ? { details: { ...payment.details, bank: answer.bank } } : {};
      const recorded =
        result.status === "succeeded"
          ? await recordPaymentSucceeded(tx, paymentContext, order, payment, set)
          : result.status === "authorized"
            ? await recordPaymentAuthorized(tx, paymentContext, order, payment, set)
            : await recordPaymentFailed(tx, paymentContext, order, payment, { code: result.code, message: result.message }, new Date(), set);
      return { outcome: recorded, orphaned: false };
    }
    // Recorded meanwhile: a twin's answer stands; an attempt that failed (timeout, cancel) stays failed.
    if (payment.status === "succeeded") return { outcome: { kind: "paid" as const, order, payment }, orphaned: false };
    if (payment.status === "authorized") return { outcome: { kind: "authorized" as const, order, payment }, orphaned: false };
    return { outcome: null, orphaned: result.status !== "declined" };
  });
  if (orphaned) {
    logger().warn({ payment: waiting.id, order: found.id }, "the processor approved a payment whose attempt had already failed: voiding it");
    await connector.void(waiting.processorReference ?? "");
  }
  if (!outcome) throw new AppError("order_not_payable", NOTHING_WAITING);
  return outcome;
}
