import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "@/lib/payments/methods";
import type { OrderStatus } from "@/db/schema";

export { formatDate, formatDateTime, money } from "@/components/dashboard/links/format";

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  open: "Open",
  processing: "Processing",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  voided: "Voided",
  canceled: "Canceled",
  expired: "Expired",
};

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  unionpay: "UnionPay",
};

export function methodLabel(method: string): string {
  return PAYMENT_METHOD_LABELS[method as PaymentMethod] ?? method;
}

/** "Visa •••• 4242"; the brand alone stays out when the processor did not know it. */
export function cardLabel(card: { brand: string; last4: string }): string {
  const brand = BRANDS[card.brand];
  return brand ? `${brand} •••• ${card.last4}` : `Card •••• ${card.last4}`;
}

/** How the buyer paid (or tried to): "Card · Visa •••• 4242", "Bank transfer". */
export function paymentLabel(payment: { method: string; card: { brand: string; last4: string } | null } | null): string | null {
  if (!payment) return null;
  return payment.card ? `${methodLabel(payment.method)} · ${cardLabel(payment.card)}` : methodLabel(payment.method);
}
