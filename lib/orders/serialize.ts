import { localeSetting } from "@/lib/i18n/locales";
import type { OrderRow, PaymentRow, RefundRow } from "@/db/schema";
import { refundRule } from "@/lib/payments/methods";
import { orderActions } from "./state-machine";

export function orderCheckoutUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/o/${token}`;
}

/** The order as the API contract shows it; `payment` is the successful (or latest) payment, if any. */
export function toOrderObject(order: OrderRow, payment: PaymentRow | null, appUrl: string) {
  // The refund rule is the paying method's: `payment` is the successful one once the order is paid.
  const actions = orderActions(order, refundRule(order.paymentId && payment?.id === order.paymentId ? payment.method : null));
  return {
    id: order.id,
    object: "order" as const,
    livemode: order.livemode,
    merchant: order.merchantId,
    payment_link: order.paymentLinkId,
    reference: order.reference,
    url: orderCheckoutUrl(appUrl, order.token),
    status: order.status,
    amount: order.amount,
    currency: order.currency,
    capture_method: order.captureMethod,
    amount_captured: order.amountCaptured,
    amount_refunded: order.amountRefunded,
    application_fee_amount: order.applicationFeeAmount,
    item_name: order.itemName,
    description: order.description,
    customer: { email: order.customerEmail, name: order.customerName, country: order.customerCountry },
    payment_methods: order.paymentMethods,
    payment: payment
      ? {
          id: payment.id,
          method: payment.method,
          processor: payment.processor,
          card: payment.cardBrand && payment.cardLast4 ? { brand: payment.cardBrand, last4: payment.cardLast4 } : null,
          status: payment.status,
          captured_at: payment.capturedAt?.toISOString() ?? null,
          settled_at: payment.settledAt?.toISOString() ?? null,
        }
      : null,
    attempts: order.attempts,
    allowed_capture: actions.allowed_capture,
    authorization_expires_at: order.status === "authorized" ? (order.authorizationExpiresAt?.toISOString() ?? null) : null,
    allowed_void: actions.allowed_void,
    allowed_refund: actions.allowed_refund,
    refundable_amount: actions.refundable_amount,
    success_url: order.successUrl,
    cancel_url: order.cancelUrl,
    status_callback_url: order.statusCallbackUrl,
    locale: localeSetting(order.locale),
    expires_at: order.expiresAt.toISOString(),
    paid_at: order.paidAt?.toISOString() ?? null,
    settled_at: order.settledAt?.toISOString() ?? null,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    metadata: order.metadata,
  };
}

export type OrderObject = ReturnType<typeof toOrderObject>;

export function toRefundObject(refund: RefundRow) {
  return {
    id: refund.id,
    object: "refund" as const,
    livemode: refund.livemode,
    merchant: refund.merchantId,
    order: refund.orderId,
    amount: refund.amount,
    currency: refund.currency,
    status: refund.status,
    reason: refund.reason,
    failure_reason: refund.failureReason,
    created_at: refund.createdAt.toISOString(),
    updated_at: refund.updatedAt.toISOString(),
  };
}

export type RefundObject = ReturnType<typeof toRefundObject>;
