import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findOrderByToken, latestPaymentWithStatus, lockOrder } from "@/db/queries/orders";
import { payments, type OrderRow, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { changeOrder, countPaymentOnLink, type PaymentContext } from "./order-changes";
import { scopeOf } from "@/lib/core/scope";

export type ActionOutcome = { kind: "paid"; order: OrderRow } | { kind: "declined"; order: OrderRow; message: string };

/** The buyer's answer on the 3-D Secure challenge or the wallet's approval page. */
export async function completePaymentAction(db: Db, pctx: PaymentContext, orderToken: string, approved: boolean): Promise<ActionOutcome> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { token: orderToken });
    if (!order) throw new AppError("resource_missing", "No such order.");
    const payment = order.status === "processing" ? await latestPaymentWithStatus(tx, scopeOf(order), order.id, "requires_action") : null;
    if (!payment) throw new AppError("order_not_payable", "There is no payment waiting for your approval on this order.");
    const result = await pctx.processors.named(payment.processor).completeAction(payment.processorReference ?? "", approved);
    return result.status === "succeeded"
      ? succeed(tx, pctx, order, payment)
      : fail(tx, pctx, order, payment, result.code, result.message);
  });
}

/** The simulated bank's confirmation of a bank transfer (the scheduler, or the simulator's test control). */
export async function confirmBankTransfer(db: Db, pctx: PaymentContext, orderToken: string): Promise<ActionOutcome> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { token: orderToken });
    if (!order) throw new AppError("resource_missing", "No such order.");
    const payment = order.status === "processing" ? await latestPaymentWithStatus(tx, scopeOf(order), order.id, "pending") : null;
    if (!payment) throw new AppError("order_not_payable", "There is no bank transfer waiting on this order.");
    return succeed(tx, pctx, order, payment);
  });
}

/** The test-mode simulator control on the bank-transfer page: only test-mode orders may be confirmed by hand. */
export async function simulateBankConfirmation(db: Db, pctx: PaymentContext, orderToken: string): Promise<ActionOutcome> {
  const order = await findOrderByToken(db, orderToken);
  if (!order) throw new AppError("resource_missing", "No such order.");
  if (order.livemode) throw new AppError("forbidden", "Only a test-mode bank transfer can be confirmed by hand.");
  return confirmBankTransfer(db, pctx, orderToken);
}

async function succeed(tx: Db, pctx: PaymentContext, order: OrderRow, payment: PaymentRow): Promise<ActionOutcome> {
  const now = new Date();
  await tx.update(payments).set({ status: "succeeded", capturedAt: now, nextAction: null, updatedAt: now }).where(eq(payments.id, payment.id));
  const { order: paid } = await changeOrder(tx, pctx.appUrl, order, {
    transition: "payment_succeeded",
    set: { paymentId: payment.id, paidAt: now },
    event: "order.paid",
  });
  await countPaymentOnLink(tx, paid);
  return { kind: "paid", order: paid };
}

async function fail(tx: Db, pctx: PaymentContext, order: OrderRow, payment: PaymentRow, code: string, message: string): Promise<ActionOutcome> {
  await tx
    .update(payments)
    .set({ status: "failed", failureCode: code, failureMessage: message, nextAction: null, updatedAt: new Date() })
    .where(and(eq(payments.id, payment.id), eq(payments.status, payment.status)));
  const { order: open } = await changeOrder(tx, pctx.appUrl, order, { transition: "payment_failed", event: "order.payment_failed" });
  return { kind: "declined", order: open, message };
}
