import type { Db } from "@/db/client";
import { countProcessingOrdersForLink } from "@/db/queries/orders";
import { payments, type OrderRow, type PaymentLinkRow, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { startingStatus } from "@/lib/payments/attempt-machine";
import { newId } from "@/lib/core/ids";
import { linkUnavailableReason } from "@/lib/links/rules";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import { changeOrder, countPaymentOnLink } from "./order-changes";
import { requireConnector, type PaymentContext } from "./payment-context";
import { scopeOf } from "@/lib/core/scope";

// The payment attempt both doors share (a buyer paying through a link, or paying an existing order): the
// link's capacity check, the connector's answer, the payment row and the order's change with its event.

export type PayOutcome =
  | { kind: "paid"; order: OrderRow; payment: PaymentRow }
  | { kind: "declined"; order: OrderRow; payment: PaymentRow; message: string }
  | { kind: "requires_action"; order: OrderRow; payment: PaymentRow; action: "three_d_secure" | "wallet_redirect" }
  | { kind: "pending"; order: OrderRow; payment: PaymentRow; action: "bank_transfer" };

const LINK_UNAVAILABLE = "This payment link is no longer available.";

export async function requireLinkCapacity(tx: Db, link: PaymentLinkRow, exceptOrderId?: string) {
  const inFlight = link.maxPayments === null ? 0 : await countProcessingOrdersForLink(tx, scopeOf(link), link.id, exceptOrderId);
  if (linkUnavailableReason({ ...link, payCount: link.payCount + inFlight }) !== null) {
    throw new AppError("payment_link_inactive", LINK_UNAVAILABLE);
  }
}

export async function attemptPayment(tx: Db, paymentContext: PaymentContext, order: OrderRow, buyer: BuyerPayment): Promise<PayOutcome> {
  if (order.status !== "open") throw new AppError("order_not_payable", order.status === "processing" ? "A payment for this order is already under way." : `This order is ${order.status}.`);
  if (!order.paymentMethods.includes(buyer.method)) throw new AppError("parameter_invalid", "Choose a payment method.", { param: "method" });

  const connector = requireConnector(paymentContext, order.livemode);
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
      status: startingStatus(result.status),
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
      const { order: paid } = await changeOrder(tx, paymentContext.appUrl, order, {
        transition: "payment_succeeded",
        set: { ...buyerDetails, paymentId, paidAt: now },
        event: "order.paid",
      });
      await countPaymentOnLink(tx, paid);
      return { kind: "paid", order: paid, payment: payment! };
    }
    case "declined": {
      const { order: open } = await changeOrder(tx, paymentContext.appUrl, order, { transition: "payment_failed", set: buyerDetails, event: "order.payment_failed" });
      return { kind: "declined", order: open, payment: payment!, message: result.message };
    }
    case "requires_action": {
      const { order: processing } = await changeOrder(tx, paymentContext.appUrl, order, { transition: "payment_submitted", set: buyerDetails, event: "order.processing" });
      return { kind: "requires_action", order: processing, payment: payment!, action: result.action };
    }
    case "pending": {
      const { order: processing } = await changeOrder(tx, paymentContext.appUrl, order, { transition: "payment_submitted", set: buyerDetails, event: "order.processing" });
      return { kind: "pending", order: processing, payment: payment!, action: result.action };
    }
  }
}
