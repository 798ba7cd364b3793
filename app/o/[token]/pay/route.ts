import { findOrderByToken } from "@/db/queries/orders";
import { orderCheckoutSettings } from "@/lib/checkout/form";
import { orderPath } from "@/lib/checkout/steps";
import { checkoutPayPost } from "@/lib/http/checkout/pay";
import { reserveOrderPaymentOrExpire } from "@/lib/services/pay-order";

// POST /o/{token}/pay — an order's checkout form (also the retry after a decline): validate, pay, 303 on.
export const POST = checkoutPayPost({
  pattern: "/o/[token]/pay",
  home: orderPath,
  find: findOrderByToken,
  // Paid, expired, canceled or under way: the order's page shows which (payOrder would refuse it too).
  closed: (order, home) => (order.status !== "open" ? { location: home } : null),
  settings: orderCheckoutSettings,
  reserve: reserveOrderPaymentOrExpire,
});
