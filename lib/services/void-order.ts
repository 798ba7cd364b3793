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
import { enqueue, JOBS } from "@/lib/jobs/queue";

const NOT_VOIDABLE = "Only an authorized order, or a paid order that is not settled and has no refund, can be voided; refund a settled order instead.";

/**
 * Voids a paid, unsettled payment, or releases an authorization waiting for capture: the order becomes `voided` (`order.voided`) and the processor is told
 * after the commit, by a job queued in the same transaction (send-processor-void.ts) — no processor call
 * while the order is locked, and none lost to a crash.
 */
export async function voidOrder(db: Db, ctx: MerchantScope & PaymentContext, id: string): Promise<OrderObject> {
  return db.transaction(async (tx) => voidLocked(tx, ctx, await lockScopedOrder(tx, ctx, id)));
}

/** Voids an order the caller has locked. */
export async function voidLocked(tx: Db, paymentContext: PaymentContext, order: OrderRow): Promise<OrderObject> {
  if (!orderActions(order).allowed_void || !order.paymentId) throw new AppError("order_not_voidable", NOT_VOIDABLE);
  const now = new Date();
  const captured = await findPayment(tx, scopeOf(order), order.paymentId);
  if (captured?.captureRequestedAt) throw new AppError("order_not_voidable", "A capture of this order is under way: it can be refunded once it is paid and settled.");
  const payment = captured ? await changePayment(tx, captured, "voided", { voidedAt: now }, { now, notAllowed: new AppError("order_not_voidable", NOT_VOIDABLE) }) : null;
  const { object } = await changeOrder(tx, paymentContext.appUrl, order, {
    transition: "void",
    event: "order.voided",
    notAllowed: new AppError("order_not_voidable", NOT_VOIDABLE),
  });
  if (payment) await enqueue(tx, JOBS.processorVoid, { paymentId: payment.id, merchantId: payment.merchantId, livemode: payment.livemode });
  return object;
}
