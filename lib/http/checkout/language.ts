import { isCheckoutToken } from "@/lib/checkout/steps";
import { getEnv } from "@/lib/core/env";
import { isLocale } from "@/lib/i18n/locales";
import { errorForLog } from "@/lib/logger";
import { route } from "../route";
import { setFlashCookie } from "./flash-cookie";
import { checkoutPath, setLocaleCookie, type CheckoutKind } from "./locale";
import { isHttps, isSameOriginPost } from "./post";
import { readForm, UnreadableForm } from "./read-form";

// POST /l|o/{token}/language — the checkout's language switcher, a plain form so it works without JavaScript:
// remember the buyer's pick for this checkout (a cookie scoped to its path) and go back to the page it was on.

const BASE = "http://checkout.invalid";

/**
 * Where to go back to: a page of this same checkout (its path and query, as a URL parser resolves them: dot
 * segments gone, anything outside ASCII percent-encoded), else the checkout's first page. Never another site
 * ("//evil.example"), nor another buyer's checkout ("/l/{token}/../../o/…").
 */
export function returnPath(kind: CheckoutKind, token: string, requested: FormDataEntryValue | null): { path: string; search: string } {
  const home = { path: checkoutPath(kind, token), search: "" };
  if (typeof requested !== "string" || requested.length > 2048 || !requested.startsWith("/") || /[\\\s]/.test(requested)) return home;
  let url: URL;
  try {
    url = new URL(requested, BASE);
  } catch {
    return home;
  }
  const within = url.origin === BASE && (url.pathname === home.path || url.pathname.startsWith(`${home.path}/`));
  return within ? { path: url.pathname, search: url.search } : home;
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
      const back = returnPath(kind, token, form.get("return"));
      const headers = new Headers({ location: back.path + back.search, "cache-control": "no-store" });
      if (isLocale(locale)) headers.append("set-cookie", setLocaleCookie(checkoutPath(kind, token), locale, isHttps(request)));
      // An empty flash for the page it goes back to: like the view after a refused post, the same visit, not a
      // new one in the link's counts.
      headers.append("set-cookie", setFlashCookie(back.path, { errors: {} }, isHttps(request)));
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
