import { ORDER_UNAVAILABLE, Unavailable } from "./unavailable";

export type OrderUnavailableReason = "expired" | "canceled" | "voided" | "in_progress" | "link_unavailable";

const DETAILS: Record<OrderUnavailableReason, (merchant: string) => string> = {
  expired: (m) => `The time to pay has run out. Ask ${m} for a new payment link if you still want to pay.`,
  canceled: (m) => `${m} canceled this order. Nothing was charged.`,
  voided: (m) => `${m} canceled this order and reversed its payment.`,
  in_progress: () => "We are waiting for the payment processor's answer. This page checks again every few seconds.",
  link_unavailable: (m) => `${m} is not taking payments through this link any more.`,
};

/** Why an order takes no payment, in the buyer's words. */
export function OrderUnavailable({ reason, merchantName }: { reason: OrderUnavailableReason; merchantName: string }) {
  return (
    <Unavailable title={reason === "in_progress" ? "Your payment is being processed" : ORDER_UNAVAILABLE}>
      {/* No JavaScript needed: the browser reloads the order's page, which moves on once the answer is in. */}
      {reason === "in_progress" ? <meta httpEquiv="refresh" content="5" /> : null}
      <p>{DETAILS[reason](merchantName)}</p>
    </Unavailable>
  );
}
