import { and, asc, eq, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, payments } from "@/db/schema";
import type { PaymentContext } from "./payment-context";
import { recordPaymentFailed } from "./payment-outcome";
import { SWEEP_BATCH, sweepInBatches } from "./sweep";

/** What a payment the buyer never finished fails with: `order.payment_failed` carries it. */
export const ACTION_TIMEOUT = {
  code: "action_timeout",
  message: "The payment was not completed in time: the 3-D Secure, wallet, bank, pay-later or QR step was never finished.",
} as const;

/**
 * Payments waiting for the buyer — 3-D Secure, a wallet's approval, their bank's page (iDEAL, Bancontact,
 * FPX), Klarna's page, or a QR code nobody scanned (PromptPay, PIX) — for longer than `timeoutSeconds` fail
 * with `action_timeout`: the order is open again (`order.payment_failed`), so it no longer holds a seat of a
 * `max_payments` link, and the buyer may start over. The buyer's late answer then finds nothing to complete;
 * a QR payment the bank reports after that is given back (apply-processor-notification.ts). Bank transfers
 * and SEPA debits wait for the bank, not the buyer, and are not timed out here.
 */
export async function failStalledPaymentActions(db: Db, paymentContext: PaymentContext, timeoutSeconds: number, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - timeoutSeconds * 1000);
  return sweepInBatches(db, async (tx) => {
    const stalled = await tx
      .select({ payment: payments, order: orders })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(
        and(
          or(eq(payments.status, "requires_action"), and(eq(payments.status, "pending"), eq(payments.nextAction, "qr_code"))),
          lte(payments.createdAt, cutoff),
          eq(orders.status, "processing"),
        ),
      )
      .orderBy(asc(payments.createdAt))
      .limit(SWEEP_BATCH)
      .for("update", { of: [payments, orders], skipLocked: true });
    for (const { payment, order } of stalled) await recordPaymentFailed(tx, paymentContext, order, payment, ACTION_TIMEOUT, now);
    return stalled.length;
  });
}
