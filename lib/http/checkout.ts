import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { displayPayment, findOrderByToken } from "@/db/queries/orders";
import { decodeFlash, encodeFlash, type Flash, type FlashErrors } from "@/lib/checkout/flash";
import { flashFor } from "@/lib/checkout/form";
import { findMerchantBrand } from "@/db/queries/checkout";
import { isCheckoutToken, orderStep, outcomePath, type PayOutcomeKind } from "@/lib/checkout/steps";
import { getEnv } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
import { errorForLog, requestLogger, type Logger } from "@/lib/logger";
import type { CheckoutForm } from "@/lib/orders/checkout-input";
import { configuredProcessors } from "@/lib/processor";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { executeIdempotently } from "@/lib/services/idempotency";
import type { PaymentContext } from "@/lib/services/payment-context";
import type { MerchantScope } from "@/lib/core/scope";
import { CHECKOUT_BODY_LIMIT } from "./body-limit";
import { clientAddress } from "./client-address";
import { consumeCheckoutSubmission } from "./rate-limit";
import { isUnstorable } from "./request-text";
import { scopeOf } from "@/lib/core/scope";

// The hosted checkout's Next-aware glue. Its forms post to route handlers that answer 303 See Other
// (Post/Redirect/Get), so the checkout works with JavaScript off and a reload never pays twice. What a
// refused post has to say travels in a short-lived "flash" cookie scoped to the page it redirects to.

export const FLASH_COOKIE = "paylink_flash";
/** Long enough for the redirect that follows the post; short enough that it is gone by the next visit. */
const FLASH_MAX_AGE_SECONDS = 60;

/** What a form post answers: where to go, and the flash for the page there. */
export interface Redirect {
  location: string;
  flash?: { path: string; value: Flash };
}

/** Whether a checkout in this mode can take a payment at all (live mode needs a processor connected for it). */
export function takesPayments(livemode: boolean): boolean {
  return configuredProcessors().forMode(livemode) !== null;
}

/** The processors and base URL the payment services need. */
export function paymentContext(): PaymentContext {
  return paymentContextFromEnv();
}

/** Everything an order's checkout pages show: the order, its latest payment, its merchant, and its step. */
export async function loadOrderCheckout(token: string) {
  await connection();
  if (!isCheckoutToken(token)) return null;
  const db = await getDb();
  const order = await findOrderByToken(db, token);
  if (!order) return null;
  const [payment, merchant] = await Promise.all([displayPayment(db, scopeOf(order), order), findMerchantBrand(db, order.merchantId)]);
  if (!merchant) return null;
  return { db, order, payment, merchant, step: orderStep(order, payment) };
}

/**
 * The flash the request carries (for the page's path), or null. Its presence tells a page that this view is
 * the redirect after a refused post, not a new visit.
 */
export async function readFlash(): Promise<Flash | null> {
  const store = await cookies();
  return decodeFlash(store.get(FLASH_COOKIE)?.value, getEnv().AUTH_SECRET);
}

function flashCookie(path: string, value: string, maxAge: number, secure: boolean): string {
  return `${FLASH_COOKIE}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
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
  if (redirect.flash?.path !== formPath) headers.append("set-cookie", flashCookie(formPath, "", 0, secure));
  if (redirect.flash) {
    headers.append("set-cookie", flashCookie(redirect.flash.path, encodeFlash(redirect.flash.value, getEnv().AUTH_SECRET), FLASH_MAX_AGE_SECONDS, secure));
  }
  return new Response(null, { status: 303, headers });
}

/** Back to the form's page with messages (and what the buyer typed, minus the card). */
export function backWith(path: string, errors: FlashErrors, form: CheckoutForm = {}): Redirect {
  return { location: path, flash: { path, value: flashFor(form, errors) } };
}

const FIELD_PARAMS = new Set(["method", "email", "name", "cardNumber", "expiry", "cvc", "amount"]);

/** A service's refusal, as the form's page shows it: by the field it names, else above the form. */
export function refusal(error: AppError, path: string, form: CheckoutForm): Redirect {
  if (error.code === "resource_missing") return { location: path };
  const errors: FlashErrors = error.param && FIELD_PARAMS.has(error.param) ? { [error.param]: error.message } : { form: error.message };
  return backWith(path, errors, form);
}

/** Where a payment attempt's outcome sends the buyer; a decline says why on the order's own page. */
export function outcomeRedirect(
  outcome: PayOutcomeKind & { order: { token: string; successUrl: string | null }; message?: string },
  form: CheckoutForm,
): Redirect {
  const location = outcomePath(outcome, outcome.order);
  if (outcome.kind !== "declined") return { location };
  return backWith(location, { form: outcome.message ?? "The payment did not go through." }, form);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a payment once per form submission. With no JavaScript on the page nothing stops a second tap on
 * Pay, and a link makes a new order per post: the form's one-time `submission` key, claimed like an API
 * Idempotency-Key, makes the twin wait for the first and answer the same redirect instead of paying again.
 * `run` gets the transaction the answer is stored in; it must turn refusals into redirects itself.
 */
export async function oncePerSubmission(
  db: Db,
  scope: MerchantScope,
  submission: string | null,
  path: string,
  run: (tx: Db) => Promise<Redirect>,
): Promise<Redirect> {
  if (!submission) return run(db);
  const request = { key: `checkout_${submission}`, method: "POST", path, body: "" };
  for (let waited = 0; ; waited += 250) {
    try {
      const outcome = await executeIdempotently(db, scope, request, async (tx) => ({ status: 303, body: JSON.stringify(await run(tx)) }));
      const stored = JSON.parse(outcome.body) as Partial<Redirect>;
      return typeof stored.location === "string" ? (stored as Redirect) : { location: path.replace(/\/pay$/, "") };
    } catch (error) {
      if (error instanceof AppError && error.code === "idempotency_key_in_use" && waited < 20_000) {
        await sleep(250);
        continue;
      }
      throw error;
    }
  }
}

/** A post no checkout page sends: not a form at all, cut short, or with a NUL in a field. */
class UnreadableForm extends Error {
  constructor() {
    super("The form could not be read.");
    this.name = "UnreadableForm";
  }
}

/**
 * The posted form. Anything a browser submitting the page could not have sent is refused (checkoutPost
 * answers 400) instead of being read as an empty form: an empty answer on the 3-D Secure page would count as
 * the buyer declining.
 */
export async function readForm(request: Request): Promise<FormData> {
  let data: FormData;
  try {
    // The proxy refuses a longer announced body; one sent without a length is counted here.
    const bytes = await request.arrayBuffer();
    if (bytes.byteLength > CHECKOUT_BODY_LIMIT) throw new UnreadableForm();
    data = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new UnreadableForm();
  }
  for (const [name, value] of data) {
    if (isUnstorable(name) || (typeof value === "string" && isUnstorable(value))) throw new UnreadableForm();
  }
  return data;
}

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

/**
 * Wraps a checkout form handler: refuses cross-site posts and unreadable forms, counts the post against the
 * client's allowance for this link or order, logs one line per request (the route's pattern, never the form),
 * and turns anything unexpected into a redirect back to `homePath` with an apology.
 */
export function checkoutPost(
  route: string,
  homePath: (token: string) => string,
  handler: (request: Request, context: { token: string; log: Logger; requestId: string }) => Promise<Redirect>,
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
