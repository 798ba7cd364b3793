import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countProcessingOrdersForLink, lockOrder } from "@/db/queries/orders";
import { orders, paymentLinks, payments, type OrderRow, type PaymentLinkRow, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { recordEvent } from "@/lib/events/record-event";
import { newId, newToken } from "@/lib/core/ids";
import { linkUnavailableReason } from "@/lib/links/rules";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import { toOrderObject } from "@/lib/orders/serialize";
import { changeOrder, countPaymentOnLink, requireConnector, type PaymentContext } from "./order-changes";
import { scopeOf } from "@/lib/core/scope";

export type PayOutcome =
  | { kind: "paid"; order: OrderRow; payment: PaymentRow }
  | { kind: "declined"; order: OrderRow; payment: PaymentRow; message: string }
  | { kind: "requires_action"; order: OrderRow; payment: PaymentRow; action: "three_d_secure" | "wallet_redirect" }
  | { kind: "pending"; order: OrderRow; payment: PaymentRow; action: "bank_transfer" };

const LINK_UNAVAILABLE = "This payment link is no longer available.";

/**
 * A buyer pays through a link: the order is created and paid in one transaction holding the link's row
 * lock, so `max_payments` is exact however many buyers pay at once (orders with a payment in flight count).
 */
export async function payLink(db: Db, pctx: PaymentContext, linkToken: string, buyer: BuyerPayment): Promise<PayOutcome> {
  return db.transaction(async (tx) => {
    const [link] = await tx.select().from(paymentLinks).where(eq(paymentLinks.token, linkToken)).for("update");
    if (!link) throw new AppError("resource_missing", "No such payment link.");
    // Before anything is written: a live link with no processor to take the payment makes no order at all.
    requireConnector(pctx, link.livemode);
    await requireLinkCapacity(tx, link);
    const amount = link.amount ?? buyer.amount;
    if (!amount) throw new AppError("parameter_missing", "Enter the amount you want to pay.", { param: "amount" });
    const [order] = await tx
      .insert(orders)
      .values({
        id: newId("order"),
        merchantId: link.merchantId,
        livemode: link.livemode,
        paymentLinkId: link.id,
        token: newToken(),
        amount,
        currency: link.currency,
        itemName: link.itemName,
        description: link.description,
        customerEmail: buyer.email,
        customerName: buyer.name,
        customerCountry: link.defaultCountry,
        paymentMethods: link.paymentMethods,
        collectEmail: link.collectEmail,
        collectName: link.collectName,
        successUrl: link.afterCompletionType === "redirect" ? link.afterCompletionUrl : null,
        statusCallbackUrl: link.statusCallbackUrl,
        metadata: link.metadata,
        // A link's order stays payable (after a decline) for a day, like an API order.
        expiresAt: new Date(Date.now() + 24 * 3_600_000),
      })
      .returning();
    await recordEvent(tx, scopeOf(link), "order.created", toOrderObject(order!, null, pctx.appUrl));
    return attemptPayment(tx, pctx, order!, buyer);
  });
}

/** A buyer pays an existing order (an API order, or a retry after a decline). */
export async function payOrder(db: Db, pctx: PaymentContext, orderToken: string, buyer: BuyerPayment): Promise<PayOutcome> {
  const outcome = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { token: orderToken });
    if (!order) throw new AppError("resource_missing", "No such order.");
    if (order.status === "open" && order.expiresAt.getTime() <= Date.now()) {
      // Expire it for good (this commits), then refuse the payment below.
      await changeOrder(tx, pctx.appUrl, order, { transition: "expire", event: "order.expired" });
      return null;
    }
    if (order.paymentLinkId) {
      const [link] = await tx.select().from(paymentLinks).where(eq(paymentLinks.id, order.paymentLinkId)).for("update");
      if (link) await requireLinkCapacity(tx, link, order.id);
    }
    return attemptPayment(tx, pctx, order, { ...buyer, amount: undefined });
  });
  if (outcome === null) throw new AppError("order_not_payable", "This order has expired.");
  return outcome;
}

async function requireLinkCapacity(tx: Db, link: PaymentLinkRow, exceptOrderId?: string) {
  const inFlight = link.maxPayments === null ? 0 : await countProcessingOrdersForLink(tx, scopeOf(link), link.id, exceptOrderId);
  if (linkUnavailableReason({ ...link, payCount: link.payCount + inFlight }) !== null) {
    throw new AppError("payment_link_inactive", LINK_UNAVAILABLE);
  }
}

async function attemptPayment(tx: Db, pctx: PaymentContext, order: OrderRow, buyer: BuyerPayment): Promise<PayOutcome> {
  if (order.status !== "open") throw new AppError("order_not_payable", order.status === "processing" ? "A payment for this order is already under way." : `This order is ${order.status}.`);
  if (!order.paymentMethods.includes(buyer.method)) throw new AppError("parameter_invalid", "Choose a payment method.", { param: "method" });

  const connector = requireConnector(pctx, order.livemode);
  const paymentId = newId("payment");
  const result = await connector.authorize({
    paymentId,
    method: buyer.method,
    amount: order.amount,
    currency: order.currency,
    livemode: order.livemode,
    card: buyer.card,
  });
  const card = "card" in result && result.card ? result.card : buyer.card ? { brand: buyer.card.brand, last4: buyer.card.last4 } : undefined;
  const now = new Date();
  const [payment] = await tx
    .insert(payments)
    .values({
      id: paymentId,
      orderId: order.id,
      merchantId: order.merchantId,
      livemode: order.livemode,
      method: buyer.method,
      processor: connector.name,
      status: result.status === "succeeded" ? "succeeded" : result.status === "declined" ? "failed" : result.status === "pending" ? "pending" : "requires_action",
      cardBrand: card?.brand ?? null,
      cardLast4: card?.last4 ?? null,
      nextAction: result.status === "requires_action" || result.status === "pending" ? result.action : null,
      failureCode: result.status === "declined" ? result.code : null,
      failureMessage: result.status === "declined" ? result.message : null,
      processorReference: result.reference,
      capturedAt: result.status === "succeeded" ? now : null,
    })
    .returning();

  const buyerDetails = {
    attempts: order.attempts + 1,
    customerEmail: buyer.email ?? order.customerEmail,
    customerName: buyer.name ?? order.customerName,
  };
  switch (result.status) {
    case "succeeded": {
      const { order: paid } = await changeOrder(tx, pctx.appUrl, order, {
        transition: "payment_succeeded",
        set: { ...buyerDetails, paymentId, paidAt: now },
        event: "order.paid",
      });
      await countPaymentOnLink(tx, paid);
      return { kind: "paid", order: paid, payment: payment! };
    }
    case "declined": {
      const { order: open } = await changeOrder(tx, pctx.appUrl, order, { transition: "payment_failed", set: buyerDetails, event: "order.payment_failed" });
      return { kind: "declined", order: open, payment: payment!, message: result.message };
    }
    case "requires_action": {
      const { order: processing } = await changeOrder(tx, pctx.appUrl, order, { transition: "payment_submitted", set: buyerDetails, event: "order.processing" });
      return { kind: "requires_action", order: processing, payment: payment!, action: result.action };
    }
    case "pending": {
      const { order: processing } = await changeOrder(tx, pctx.appUrl, order, { transition: "payment_submitted", set: buyerDetails, event: "order.processing" });
      return { kind: "pending", order: processing, payment: payment!, action: result.action };
    }
  }
}
