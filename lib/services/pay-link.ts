import { insertReturning } from "@/db/built-once";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/in-transaction";
import { lockPaymentLink } from "@/db/queries/payment-links";
import { orders } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { recordEvent } from "@/lib/events/record-event";
import { newId, newToken } from "@/lib/core/ids";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import { toOrderObject } from "@/lib/orders/serialize";
import { requireConnector, type PaymentContext } from "./payment-context";
import { scopeOf } from "@/lib/core/scope";
import { type PayOutcome, type WrittenReservation, requireLinkCapacity, reserveAttempt } from "./attempt-payment";
import { authorizeReserved } from "./authorize-payment";
import { countStartOnSource } from "./link-funnel";

// Built once (db/built-once.ts): every payment through a link runs it.
const insertLinkOrder = insertReturning("insert_link_order", orders, [
  "id", "merchantId", "livemode", "paymentLinkId", "token", "amount", "currency", "itemName", "description", "source",
  "locale", "buyerLocale", "customerEmail", "customerName", "customerCountry", "paymentMethods", "captureMethod",
  "collectEmail", "collectName", "successUrl", "statusCallbackUrl", "metadata", "applicationFeeAmount", "expiresAt",
]);

/** A buyer pays through a link: the order and its attempt are reserved, then authorized (attempt-payment.ts). */
export async function payLink(db: Db, paymentContext: PaymentContext, linkToken: string, buyer: BuyerPayment): Promise<PayOutcome> {
  const reserved = await reserveLinkPayment(db, paymentContext, linkToken, buyer);
  return authorizeReserved(db, paymentContext, reserved, buyer, reserved);
}

/**
 * Creates the link's order with an `authorizing` attempt, in one transaction holding the link's row lock, so
 * `max_payments` is exact however many buyers pay at once (orders with a payment in flight count). The lock
 * is held for a few queries, never for the processor's call.
 */
export async function reserveLinkPayment(db: Db, paymentContext: PaymentContext, linkToken: string, buyer: BuyerPayment): Promise<WrittenReservation> {
  // The caller's transaction when it has one (the checkout's submission: a refusal rolls it back whole).
  return inTransaction(db, async (tx) => {
    const link = await lockPaymentLink(tx, { token: linkToken });
    if (!link) throw new AppError("resource_missing", "No such payment link.");
    // Before anything is written: a live link with no processor to take the payment makes no order at all.
    requireConnector(paymentContext.processors, { livemode: link.livemode, method: buyer.method });
    await requireLinkCapacity(tx, link);
    const amount = link.amount ?? buyer.amount;
    if (!amount) throw new AppError("parameter_missing", "Enter the amount you want to pay.", { param: "amount" });
    const [order] = await insertLinkOrder(tx).execute({
      id: newId("order"),
      merchantId: link.merchantId,
      livemode: link.livemode,
      paymentLinkId: link.id,
      token: newToken(),
      amount,
      currency: link.currency,
      itemName: link.itemName,
      description: link.description,
      source: buyer.source ?? null,
      locale: link.locale,
      buyerLocale: buyer.locale ?? null,
      customerEmail: buyer.email,
      customerName: buyer.name,
      customerCountry: link.defaultCountry,
      paymentMethods: link.paymentMethods,
      captureMethod: link.captureMethod,
      collectEmail: link.collectEmail,
      collectName: link.collectName,
      successUrl: link.afterCompletionType === "redirect" ? link.afterCompletionUrl : null,
      statusCallbackUrl: link.statusCallbackUrl,
      metadata: link.metadata,
      // The platform's fee as the link has it now (a later change reaches later orders only); the link's
      // rules keep it within every amount a buyer can pay.
      applicationFeeAmount: link.applicationFeeAmount,
      // A link's order stays payable (after a decline) as long as an API order does (ORDER_DEFAULT_TTL_HOURS).
      expiresAt: new Date(Date.now() + paymentContext.orderTtlHours * 3_600_000),
    });
    // The order's event, its start on the link's funnel and its attempt, sent to the server together.
    const [, , reserved] = await Promise.all([
      recordEvent(tx, scopeOf(link), "order.created", toOrderObject(order!, null, paymentContext.appUrl)),
      countStartOnSource(tx, link.id, order!.source),
      reserveAttempt(tx, paymentContext, order!, buyer),
    ]);
    return reserved;
  });
}
