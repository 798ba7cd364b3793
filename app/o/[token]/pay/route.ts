import { findOrderByToken } from "@/db/queries/orders";
import { getDb } from "@/db";
import { orderCheckoutSettings, readCheckoutForm, readSubmission } from "@/lib/checkout/form";
import { orderPath } from "@/lib/checkout/steps";
import { AppError } from "@/lib/core/errors";
import { oncePerSubmission } from "@/lib/checkout/once-per-submission";
import { backWith, outcomeRedirect, refusal } from "@/lib/checkout/redirects";
import { paymentContext } from "@/lib/http/checkout/context";
import { checkoutPost } from "@/lib/http/checkout/post";
import { readForm } from "@/lib/http/checkout/read-form";
import { validateCheckout } from "@/lib/orders/checkout-input";
import { payOrder } from "@/lib/services/pay-order";

// POST /o/{token}/pay — an order's checkout form (also the retry after a decline): validate, pay, 303 on.
export const POST = checkoutPost("/o/[token]/pay", orderPath, async (request, { token }) => {
  const data = await readForm(request);
  const form = readCheckoutForm((name) => data.get(name));
  const back = orderPath(token);
  const db = await getDb();
  const order = await findOrderByToken(db, token);
  if (!order) return { location: back };
  // Paid, expired, canceled or under way: the order's page shows which (payOrder would refuse it too).
  if (order.status !== "open") return { location: back };
  const checked = validateCheckout(orderCheckoutSettings(order), form);
  if (!checked.ok) return backWith(back, checked.errors, form);

  return oncePerSubmission(db, order, readSubmission((name) => data.get(name)), `/o/${token}/pay`, async (tx) => {
    try {
      return outcomeRedirect(await payOrder(tx, paymentContext(), token, checked.value), form);
    } catch (error) {
      if (error instanceof AppError) return refusal(error, back, form);
      throw error;
    }
  });
});
