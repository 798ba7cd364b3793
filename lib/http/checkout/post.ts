import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { backWith, type Redirect } from "@/lib/checkout/redirects";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { getEnv } from "@/lib/core/env";
import { errorForLog, requestLogger, type Logger } from "@/lib/logger";
import { clientAddress } from "../client-address";
import { consumeCheckoutSubmission } from "../rate-limit";
import { clearFlashCookie, setFlashCookie } from "./flash-cookie";
import { UnreadableForm } from "./read-form";

// The hosted checkout's form posts, answered the way a browser that posted a form can show: 303 See Other
// with a flash, or a short plain-text refusal.

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

function isHttps(request: Request): boolean {
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

const TOO_MANY_POSTS = "Too many attempts from your network on this checkout. Wait a few minutes, then try again.";

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
 * Wraps a checkout form handler: refuses cross-site posts and unreadable forms, counts the post against the
 * client's allowance for this link or order, logs one line per request (the route's pattern, never the form),
 * and turns anything unexpected into a redirect back to `homePath` with an apology.
 */
export function checkoutPost(
  route: string,
  homePath: (token: string) => string,
  handler: (request: Request, context: CheckoutPostContext) => Promise<Redirect>,
) {
  return async (request: Request, segment: { params: Promise<{ token: string }> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const log = requestLogger(requestId);
    const started = performance.now();
    const { token } = await segment.params;
    const home = homePath(token);
    let response: Response;
    if (!isCheckoutToken(token)) {
      response = new Response("Not found.", { status: 404 });
    } else if (!isSameOriginPost(request, getEnv().APP_URL)) {
      response = new Response("Forbidden: this form only accepts posts from its own page.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    } else {
      let redirect: Redirect | null;
      try {
        redirect = (await overCheckoutLimit(request, token)) ? backWith(home, { form: TOO_MANY_POSTS }) : await handler(request, { token, log, requestId });
      } catch (error) {
        if (error instanceof UnreadableForm) {
          redirect = null;
        } else {
          log.error({ err: errorForLog(error), route }, "checkout post failed");
          redirect = backWith(home, { form: `Something went wrong on our side. Please try again in a moment (reference ${requestId}).` });
        }
      }
      response = redirect ? seeOther(request, home, redirect) : new Response("Bad request: the form could not be read.", { status: 400 });
    }
    response.headers.set("x-request-id", requestId);
    log.info({ method: request.method, route, status: response.status, durationMs: Math.round(performance.now() - started) }, "request completed");
    return response;
  };
}
