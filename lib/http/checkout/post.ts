import { getDb } from "@/db";
import { backWith, type Redirect } from "@/lib/checkout/redirects";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { getEnv } from "@/lib/core/env";
import { errorForLog, type Logger } from "@/lib/logger";
import { clientAddress } from "../client-address";
import { consumeCheckoutSubmission } from "../rate-limit";
import { route } from "../route";
import { clearFlashCookie, setFlashCookie } from "./flash-cookie";
import { UnreadableForm } from "./read-form";

// The hosted checkout's form posts, on the same route() as the API (request id, one access-log line, error
// mapping), answered the way a browser that posted a form can show: 303 See Other with a flash, or a short
// plain-text refusal. Never the API's JSON error body.

/**
 * Whether a form post comes from a page of this site. Browsers say so in Sec-Fetch-Site, and in Origin; a
 * post that has neither, or a sibling subdomain's ("same-site"), or another site's, is refused: a checkout's
 * forms are only ever posted by its own pages.
 */
export function isSameOriginPost(request: Request, appUrl: string): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return origin === new URL(appUrl).origin || origin === new URL(request.url).origin;
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * 303 to `redirect.location` (a path of this app, or a merchant's http(s) URL), setting its flash and
 * clearing the flash of the page the form was on (`formPath`), which the post has now answered.
 */
export function seeOther(request: Request, formPath: string, redirect: Redirect): Response {
  const secure = isHttps(request);
  const headers = new Headers({ location: redirect.location, "cache-control": "no-store" });
  if (redirect.flash?.path !== formPath) headers.append("set-cookie", clearFlashCookie(formPath, secure));
  if (redirect.flash) headers.append("set-cookie", setFlashCookie(redirect.flash.path, redirect.flash.value, secure));
  return new Response(null, { status: 303, headers });
}

/** Whether the client's allowance of posts for this link or order is used up (see consumeCheckoutSubmission). */
async function overCheckoutLimit(request: Request, token: string): Promise<boolean> {
  const env = getEnv();
  const waitMs = await consumeCheckoutSubmission(await getDb(), clientAddress(request.headers, env.TRUSTED_PROXY_COUNT), token, {
    max: env.CHECKOUT_MAX_SUBMISSIONS,
    windowSeconds: env.CHECKOUT_WINDOW_SECONDS,
  });
  return waitMs > 0;
}

export interface CheckoutPostContext {
  token: string;
  log: Logger;
  requestId: string;
}

/**
 * A checkout form's route handler: refuses cross-site posts and unreadable forms, counts the post against the
 * client's allowance for this link or order, logs one line per request naming the route's `pattern` (never
 * the path, which holds the token, nor the form), and turns anything unexpected into a redirect back to
 * `homePath` with an apology and the request id.
 */
export function checkoutPost(
  pattern: string,
  homePath: (token: string) => string,
  handler: (request: Request, context: CheckoutPostContext) => Promise<Redirect>,
) {
  return route<{ token: string }>(
    async (request, { params: { token }, log, requestId }) => {
      if (!isCheckoutToken(token)) return new Response("Not found.", { status: 404 });
      if (!isSameOriginPost(request, getEnv().APP_URL)) {
        return new Response("Forbidden: this form only accepts posts from its own page.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      const home = homePath(token);
      const redirect = (await overCheckoutLimit(request, token)) ? backWith(home, { form: { key: "form.tooManyAttempts" } }) : await handler(request, { token, log, requestId });
      return seeOther(request, home, redirect);
    },
    {
      pattern,
      onError: (error, request, { params: { token }, log, requestId }) => {
        if (error instanceof UnreadableForm) return new Response("Bad request: the form could not be read.", { status: 400 });
        log.error({ err: errorForLog(error), route: pattern }, "checkout post failed");
        const home = homePath(token);
        return seeOther(request, home, backWith(home, { form: { key: "form.unexpected", values: { reference: requestId } } }));
      },
    },
  );
}
