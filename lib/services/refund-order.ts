import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, refunds, type OrderRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { recordEvent } from "@/lib/events/record-event";
import { newId } from "@/lib/core/ids";
import { formatMinor } from "@/lib/money/money";
import { isCurrencyCode } from "@/lib/money/currencies";
import { createRefundSchema, type CreateRefundInput } from "@/lib/orders/schemas";
import { toRefundObject, type RefundObject } from "@/lib/orders/serialize";
import { orderActions } from "@/lib/orders/state-machine";
import type { PaymentContext } from "./payment-context";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";
import { findPayment, lockScopedOrder } from "@/db/queries/orders";
import { refundRule } from "@/lib/payments/methods";
import { methodLabel } from "@/lib/checkout/display";

/**
 * Refunds part or all of a settled order. The amount is reserved on the locked order row in the same
 * transaction, so concurrent refunds can never add up to more than was paid. The refund is `pending`; the
 * refund job submits it to the processor and records how it settles (settleRefunds).
 */
export async function refundOrder(db: Db, ctx: MerchantScope & PaymentContext, id: string, input: CreateRefundInput): Promise<RefundObject> {
  const data = createRefundSchema.parse(input);
  return db.transaction(async (tx) => refundLocked(tx, await lockScopedOrder(tx, ctx, id), data.amount, data.reason ?? null));
}

/**
 * Refunds an order the caller has locked; `amount` defaults to everything still refundable. The paying
 * method's rule applies (lib/payments/methods.ts): none for PromptPay, only the whole amount for PIX.
 */
export async function refundLocked(tx: Db, order: OrderRow, amount: number | undefined, reason: string | null): Promise<RefundObject> {
  const payment = order.paymentId ? await findPayment(tx, scopeOf(order), order.paymentId) : null;
  const rule = refundRule(payment?.method);
  const { allowed_refund, refundable_amount } = orderActions(order, rule);
  if (!allowed_refund || !order.paymentId) {
    throw new AppError(
      "order_not_refundable",
      order.status === "paid" && !order.settledAt
        ? "This order is not settled yet: void it instead of refunding it."
        : rule === "none"
          ? `A ${methodLabel(payment?.method ?? "")} payment cannot be refunded through Paylink: settle it with the buyer directly.`
          : rule === "full_only" && order.amountRefunded + order.amountRefundPending > 0
            ? `A ${methodLabel(payment?.method ?? "")} payment can be refunded only once, in full.`
            : `This order has nothing left to refund (status ${order.status}).`,
    );
  }
  if (rule === "full_only" && amount !== undefined && amount !== refundable_amount) {
    throw new AppError("parameter_invalid", `A ${methodLabel(payment?.method ?? "")} payment can be refunded only in full, once: leave out amount to refund all of it.`, { param: "amount" });
  }
  const refundAmount = amount ?? refundable_amount;
  if (refundAmount > refundable_amount) {
    const shown = isCurrencyCode(order.currency) ? formatMinor(refundable_amount, order.currency) : `${refundable_amount} ${order.currency}`;
    throw new AppError("refund_exceeds_refundable_amount", `At most ${shown} can still be refunded on this order.`, { param: "amount" });
  }
  // The processor is asked by the refund job after this commits (settleRefunds), keyed by the refund id:
  // a refund rolled back here never reaches the processor, and a retried submission cannot refund twice.
  const refundId = newId("refund");
  const [refund] = await tx
    .insert(refunds)
    .values({
      id: refundId,
      orderId: order.id,
      merchantId: order.merchantId,
      livemode: order.livemode,
      amount: refundAmount,
      currency: order.currency,
      reason,
    })
    .returning();
  await tx
    .update(orders)
    .set({ amountRefundPending: sql`${orders.amountRefundPending} + ${refundAmount}`, updatedAt: sql`now()` })
    .where(eq(orders.id, order.id));
  const object = toRefundObject(refund!);
  await recordEvent(tx, scopeOf(order), "refund.created", object);
  return object;
}
