import type { Db } from "@/db/client";
import { AppError } from "@/lib/core/errors";
import { cancelPlan } from "@/lib/orders/state-machine";
import type { OrderObject } from "@/lib/orders/serialize";
import { changeOrder } from "./order-changes";
import type { PaymentContext } from "./payment-context";
import { refundLocked } from "./refund-order";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";
import { isPaymentInFlight } from "@/lib/payments/attempt-machine";
import { changePayment } from "./payment-changes";
import { findPayment, listPaymentsForOrder, lockScopedOrder } from "@/db/queries/orders";
import { refundRule } from "@/lib/payments/methods";
import { voidLocked } from "./void-order";
import { getOrder } from "./get-order";

/**
 * Closes an order whatever its state allows: an open or processing order is canceled; a paid one is voided
 * when not settled, otherwise fully refunded (the refund settles asynchronously, as every refund does).
 */
export async function cancelOrder(db: Db, ctx: MerchantScope & PaymentContext, id: string): Promise<OrderObject> {
  await db.transaction(async (tx) => {
    const order = await lockScopedOrder(tx, ctx, id);
    const paidWith = order.paymentId ? await findPayment(tx, scopeOf(order), order.paymentId) : null;
    switch (cancelPlan(order, refundRule(paidWith?.method))) {
      case "cancel":
        // A payment still waiting for the buyer or the bank is abandoned with the order.
        for (const payment of await listPaymentsForOrder(tx, scopeOf(order), order.id)) {
          if (!isPaymentInFlight(payment.status)) continue;
          await changePayment(tx, payment, "failed", { failureCode: "order_canceled", failureMessage: "The order was canceled.", nextAction: null });
        }
        await changeOrder(tx, ctx.appUrl, order, { transition: "cancel", event: "order.canceled" });
        return;
      case "void":
        await voidLocked(tx, ctx, order);
        return;
      case "refund":
        await refundLocked(tx, order, undefined, "Order canceled");
        return;
      default:
        throw new AppError("order_not_cancelable", `This order is ${order.status} and cannot be canceled.`);
    }
  });
  return getOrder(db, ctx, id);
}
