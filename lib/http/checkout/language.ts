import { isCheckoutToken } from "@/lib/checkout/steps";
import { getEnv } from "@/lib/core/env";
import { isLocale } from "@/lib/i18n/locales";
import { errorForLog } from "@/lib/logger";
import { route } from "../route";
import { checkoutPath, setLocaleCookie, type CheckoutKind } from "./locale";
import { isHttps, isSameOriginPost } from "./post";
import { readForm, UnreadableForm } from "./read-form";

// POST /l|o/{token}/language — the checkout's language switcher, a plain form so it works without JavaScript:
// remember the buyer's pick for this checkout (a cookie scoped to its path) and go back to the page it was on.

/** Where to go back to: a page of this same checkout (its path and query), else the checkout's first page. */
export function returnPath(kind: CheckoutKind, token: string, requested: FormDataEntryValue | null): string {
  const home = checkoutPath(kind, token);
  if (typeof requested !== "string" || requested.length > 2048) return home;
  // Only a path under this checkout: never another site ("//evil.example"), nor another buyer's checkout.
  const within = requested === home || requested.startsWith(`${home}/`) || requested.startsWith(`${home}?`);
  return within && !/[\\\s]/.test(requested) ? requested : home;
}

export function languagePost(kind: CheckoutKind) {
  const pattern = `${checkoutPath(kind, "[token]")}/language`;
  return route<{ token: string }>(
    async (request, { params: { token } }) => {
      if (!isCheckoutToken(token)) return new Response("Not found.", { status: 404 });
      if (!isSameOriginPost(request, getEnv().APP_URL)) {
        return new Response("Forbidden: this form only accepts posts from its own page.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      const form = await readForm(request);
      const locale = form.get("locale");
      const headers = new Headers({ location: returnPath(kind, token, form.get("return")), "cache-control": "no-store" });
      if (isLocale(locale)) headers.append("set-cookie", setLocaleCookie(checkoutPath(kind, token), locale, isHttps(request)));
      return new Response(null, { status: 303, headers });
    },
    {
      pattern,
      onError: (error, _request, { log }) => {
        if (error instanceof UnreadableForm) return new Response("Bad request: the form could not be read.", { status: 400 });
        log.error({ err: errorForLog(error), route: pattern }, "language switch failed");
        return new Response("Something went wrong.", { status: 500 });
      },
    },
  );
}
