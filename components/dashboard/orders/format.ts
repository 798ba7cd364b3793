import type { OrderStatus } from "@/db/schema";
import { cardLabel as checkoutCardLabel, methodLabel } from "@/lib/checkout/display";

export { formatDate, formatDateTime, money } from "@/components/dashboard/links/format";
// The buyer's checkout and the merchant's dashboard name a payment method the same way.
export { methodLabel };

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  open: "Open",
  processing: "Processing",
  authorized: "Authorized",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  voided: "Voided",
  canceled: "Canceled",
  expired: "Expired",
};

/** "Visa •••• 4242", in the words the checkout shows the buyer; "Card •••• 4242" when the brand is unknown. */
export function cardLabel(card: { brand: string; last4: string }): string {
  return checkoutCardLabel(card.brand, card.last4);
}

/** How the buyer paid (or tried to): "Card · Visa •••• 4242", "Bank transfer". */
export function paymentLabel(payment: { method: string; card: { brand: string; last4: string } | null } | null): string | null {
  if (!payment) return null;
  return payment.card ? `${methodLabel(payment.method)} · ${cardLabel(payment.card)}` : methodLabel(payment.method);
}
