import { getDb } from "@/db";
import { linkCheckoutSettings, readCheckoutForm, readSubmission } from "@/lib/checkout/form";
import { findLinkByToken } from "@/db/queries/checkout";
import { linkPath } from "@/lib/checkout/steps";
import { AppError } from "@/lib/core/errors";
import { oncePerSubmission } from "@/lib/checkout/once-per-submission";
import { backWith, outcomeRedirect, refusal } from "@/lib/checkout/redirects";
import { paymentContext } from "@/lib/http/checkout/context";
import { checkoutPost } from "@/lib/http/checkout/post";
import { readForm } from "@/lib/http/checkout/read-form";
import { linkUnavailableReason } from "@/lib/links/rules";
import { validateCheckout } from "@/lib/orders/checkout-input";
import { payLink } from "@/lib/services/pay-order";

// POST /l/{token}/pay — the link checkout form: validate, pay through the link, 303 to the next page.
export const POST = checkoutPost("/l/[token]/pay", linkPath, async (request, { token }) => {
  const data = await readForm(request);
  const form = readCheckoutForm((name) => data.get(name));
  const back = linkPath(token);
  const db = await getDb();
  const link = await findLinkByToken(db, token);
  if (!link) return { location: back };
  // The page will say the link is no longer available; the flash keeps that view from counting a visit.
  if (linkUnavailableReason(link) !== null) return backWith(back, {});
  const checked = validateCheckout(linkCheckoutSettings(link), form);
  if (!checked.ok) return backWith(back, checked.errors, form);

  return oncePerSubmission(db, link, readSubmission((name) => data.get(name)), `/l/${token}/pay`, async (tx) => {
    try {
      return outcomeRedirect(await payLink(tx, paymentContext(), token, checked.value), form);
    } catch (error) {
      if (error instanceof AppError) return refusal(error, back, form);
      throw error;
    }
  });
});
