import { AutoRefresh } from "./auto-refresh";
import { ORDER_UNAVAILABLE, Unavailable } from "./unavailable";

export type OrderUnavailableReason = "expired" | "canceled" | "voided" | "in_progress" | "link_unavailable";

const DETAILS: Record<OrderUnavailableReason, (merchant: string) => string> = {
  expired: (m) => `The time to pay has run out. Ask ${m} for a new payment link if you still want to pay.`,
  canceled: (m) => `${m} canceled this order. Nothing was charged.`,
  voided: (m) => `${m} canceled this order and reversed its payment.`,
  in_progress: () => "We are waiting for the payment processor's answer. Check again in a moment: once it is in, this page shows where your payment stands.",
  link_unavailable: (m) => `${m} is not taking payments through this link any more.`,
};

/**
 * Why an order takes no payment, in the buyer's words. While a payment is being processed, the order's page
 * (`path`) offers to check again — by hand, or automatically when the buyer asks (`auto`; AutoRefresh).
 */
export function OrderUnavailable({ reason, merchantName, path, auto = false }: { reason: OrderUnavailableReason; merchantName: string; path?: string; auto?: boolean }) {
  return (
    <Unavailable title={reason === "in_progress" ? "Your payment is being processed" : ORDER_UNAVAILABLE}>
      <p>{DETAILS[reason](merchantName)}</p>
      {reason === "in_progress" && path ? <AutoRefresh path={path} auto={auto} seconds={5} /> : null}
    </Unavailable>
  );
}
