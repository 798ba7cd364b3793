import type { Db } from "@/db/client";
import { findPayment, lockScopedOrder } from "@/db/queries/orders";
import type { OrderRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { orderActions } from "@/lib/orders/state-machine";
import type { OrderObject } from "@/lib/orders/serialize";
import { changeOrder } from "./order-changes";
import type { PaymentContext } from "./payment-context";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";
import { changePayment } from "./payment-changes";

const NOT_VOIDABLE = "Only a paid order that is not settled and has no refund can be voided; refund a settled order instead.";

/** Cancels a paid, unsettled payment at the processor; the order becomes `voided`. */
export async function voidOrder(db: Db, ctx: MerchantScope & PaymentContext, id: string): Promise<OrderObject> {
  return db.transaction(async (tx) => voidLocked(tx, ctx, await lockScopedOrder(tx, ctx, id)));
}

/** Voids an order the caller has locked. */
export async function voidLocked(tx: Db, paymentContext: PaymentContext, order: OrderRow): Promise<OrderObject> {
  if (!orderActions(order).allowed_void || !order.paymentId) throw new AppError("order_not_voidable", NOT_VOIDABLE);
  const now = new Date();
  const captured = await findPayment(tx, scopeOf(order), order.paymentId);
  const payment = captured ? await changePayment(tx, captured, "voided", { voidedAt: now }, { now, notAllowed: new AppError("order_not_voidable", NOT_VOIDABLE) }) : null;
  const { object } = await changeOrder(tx, paymentContext.appUrl, order, {
    transition: "void",
    event: "order.voided",
    notAllowed: new AppError("order_not_voidable", NOT_VOIDABLE),
  });
  // Last, once every check and write of ours has passed, so only the commit itself can still fail after it.
  // Connectors must treat a repeated void of one payment as one void.
  if (payment) await paymentContext.processors.named(payment.processor).void(payment.processorReference ?? "");
  return object;
}
