import type { Db } from "@/db/client";
import { inTransaction } from "@/db/in-transaction";
import { lockPaymentLink } from "@/db/queries/payment-links";
import { lockOrder } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { scopeOf } from "@/lib/core/scope";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import { changeOrder } from "./order-changes";
import type { PaymentContext } from "./payment-context";
import { type PayOutcome, type WrittenReservation, requireLinkCapacity, reserveAttempt } from "./attempt-payment";
import { authorizeReserved } from "./authorize-payment";

/** A buyer pays an existing order (an API order, or a retry after a decline): reserved, then authorized. */
export async function payOrder(db: Db, paymentContext: PaymentContext, orderToken: string, buyer: BuyerPayment): Promise<PayOutcome> {
  const paying = { ...buyer, amount: undefined };
  const reserved = await reserveOrderPayment(db, paymentContext, orderToken, paying);
  return authorizeReserved(db, paymentContext, reserved, paying, reserved);
}

/** Writes an `authorizing` attempt on an open order, under its row lock (and its link's, for the seat). */
export async function reserveOrderPayment(db: Db, paymentContext: PaymentContext, orderToken: string, buyer: BuyerPayment): Promise<WrittenReservation> {
  const reserved = await reserveOrderPaymentOrExpire(db, paymentContext, orderToken, buyer);
  if (reserved instanceof AppError) throw reserved;
  return reserved;
}

/**
 * reserveOrderPayment in the caller's transaction when it has one (the checkout's submission: a refusal thrown
 * rolls it back whole). An order found past its expiry is expired, and the refusal returned, not thrown, so
 * the expiry commits with it.
 */
export async function reserveOrderPaymentOrExpire(db: Db, paymentContext: PaymentContext, orderToken: string, buyer: BuyerPayment): Promise<WrittenReservation | AppError> {
  const reserved = await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, { token: orderToken });
    if (!order) throw new AppError("resource_missing", "No such order.");
    if (order.status === "open" && order.expiresAt.getTime() <= Date.now()) {
      // Expire it for good (this commits), then refuse the payment.
      await changeOrder(tx, paymentContext.appUrl, order, { transition: "expire", event: "order.expired" });
      return null;
    }
    if (order.paymentLinkId) {
      const link = await lockPaymentLink(tx, { id: order.paymentLinkId, scope: scopeOf(order) });
      if (link) await requireLinkCapacity(tx, link, order.id);
    }
    return reserveAttempt(tx, paymentContext, order, buyer);
  });
  return reserved ?? new AppError("order_not_payable", "This order has expired.");
}
