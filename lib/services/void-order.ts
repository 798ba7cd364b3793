import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lockOrder } from "@/db/queries/orders";
import { payments, type OrderRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { orderActions } from "@/lib/orders/state-machine";
import type { OrderObject } from "@/lib/orders/serialize";
import { changeOrder, type PaymentContext } from "./order-changes";
import type { MerchantScope } from "./scope";

const NOT_VOIDABLE = "Only a paid order that is not settled and has no refund can be voided; refund a settled order instead.";

/** Cancels a paid, unsettled payment at the processor; the order becomes `voided`. */
export async function voidOrder(db: Db, ctx: MerchantScope & PaymentContext, id: string): Promise<OrderObject> {
  return db.transaction(async (tx) => voidLocked(tx, ctx, await lockScopedOrder(tx, ctx, id)));
}

export async function lockScopedOrder(tx: Db, scope: MerchantScope, id: string): Promise<OrderRow> {
  const order = await lockOrder(tx, { id });
  if (!order || order.merchantId !== scope.merchantId || order.livemode !== scope.livemode) {
    throw new AppError("resource_missing", `No such order: '${id}'.`, { param: "id" });
  }
  return order;
}

/** Voids an order the caller has locked. */
export async function voidLocked(tx: Db, pctx: PaymentContext, order: OrderRow): Promise<OrderObject> {
  if (!orderActions(order).allowed_void || !order.paymentId) throw new AppError("order_not_voidable", NOT_VOIDABLE);
  const [payment] = await tx.select().from(payments).where(eq(payments.id, order.paymentId));
  await pctx.connector.void(payment?.processorReference ?? "");
  const now = new Date();
  await tx.update(payments).set({ status: "voided", voidedAt: now, updatedAt: now }).where(eq(payments.id, order.paymentId));
  const { object } = await changeOrder(tx, pctx.appUrl, order, {
    transition: "void",
    event: "order.voided",
    notAllowed: new AppError("order_not_voidable", NOT_VOIDABLE),
  });
  return object;
}
