import { findLinkByToken } from "@/db/queries/checkout";
import { linkCheckoutSettings } from "@/lib/checkout/form";
import { backWith } from "@/lib/checkout/redirects";
import { linkPath } from "@/lib/checkout/steps";
import { checkoutPayPost } from "@/lib/http/checkout/pay";
import { linkUnavailableReason } from "@/lib/links/rules";
import { reserveLinkPayment } from "@/lib/services/pay-link";

// POST /l/{token}/pay — the link checkout form: validate, pay through the link, 303 to the next page.
export const POST = checkoutPayPost({
  pattern: "/l/[token]/pay",
  home: linkPath,
  find: findLinkByToken,
  // The page will say the link is no longer available; the flash keeps that view from counting a visit.
  closed: (link, home) => (linkUnavailableReason(link) !== null ? backWith(home, {}) : null),
  settings: linkCheckoutSettings,
  reserve: reserveLinkPayment,
});
