import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { readCheckoutForm, readSubmission } from "@/lib/checkout/form";
import { oncePerSubmission } from "@/lib/checkout/once-per-submission";
import { backWith, outcomeRedirect, refusal, type Redirect } from "@/lib/checkout/redirects";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";
import { validateCheckout, type BuyerPayment, type CheckoutSettings } from "@/lib/orders/checkout-input";
import type { PaymentContext } from "@/lib/services/payment-context";
import { reservationIds, type Reservation, type WrittenReservation } from "@/lib/services/attempt-payment";
import { authorizeReserved, recordedOutcome } from "@/lib/services/authorize-payment";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { parseSource } from "@/lib/links/source";
import { checkoutPost } from "./post";
import { configuredLocale } from "@/lib/i18n/locales";
import { requestLocale } from "./locale";
import { readForm } from "./read-form";

/** What a link's pay form and an order's differ in; everything else about paying is the same. */
export interface Payable<T extends MerchantScope> {
  /** The route's pattern, for the access log. */
  pattern: string;
  /** The page the form is on, and where a refusal goes back to. */
  home: (token: string) => string;
  find: (db: Db, token: string) => Promise<T | null>;
  /** Where to send the buyer instead when it takes no payment now (the page there says why), or null. */
  closed: (found: T, home: string) => Redirect | null;
  settings: (found: T) => CheckoutSettings;
  /**
   * Step 1 of the payment (lib/services/attempt-payment.ts): the `authorizing` attempt, written in the
   * submission's transaction, which commits it. A refusal is thrown (rolled back whole, then stored on its own:
   * oncePerSubmission), or returned when what it wrote must stand (an order found expired is expired).
   */
  reserve: (tx: Db, paymentContext: PaymentContext, token: string, buyer: BuyerPayment) => Promise<WrittenReservation | AppError>;
}

/**
 * What one submission stores for its twins when it is not refused outright (a thrown refusal is stored as the
 * refusal itself): the attempt it reserved, or where a refusal whose writes stand sent the buyer.
 */
type Reserved = { reservation: Reservation } | { refused: Redirect };

/**
 * The pay form's POST, for a link or an order: validate what the buyer typed against what it asks for,
 * reserve one attempt per submission, ask the processor with no transaction open, and 303 to where the
 * outcome leads (a refusal back to the form, saying why). A double tap's twin does not call the processor
 * again: it waits for the first request to record the answer and goes where that leads.
 */
export function checkoutPayPost<T extends MerchantScope & { locale: string; buyerLocale?: string | null }>(payable: Payable<T>) {
  return checkoutPost(payable.pattern, payable.home, async (request, { token }) => {
    // Where the buyer came from rides on the form's action (`?src=`), as it rode on the page's URL.
    const source = parseSource(new URL(request.url).searchParams.get("src"));
    const redirect = await pay(request, token, source);
    return sourceKept(redirect, payable.home(token), source);
  });

  async function pay(request: Request, token: string, source: string | null): Promise<Redirect> {
    const data = await readForm(request);
    const form = readCheckoutForm((name) => data.get(name));
    const back = payable.home(token);
    const db = await getDb();
    const found = await payable.find(db, token);
    if (!found) return { location: back };
    const submission = readSubmission((name) => data.get(name));
    const closed = payable.closed(found, back);
    if (closed) {
      if (!submission) return closed;
      // A double tap's twin can read the order after the first tap reserved it (it is `processing` now): if
      // this submission already has an answer, the twin follows it (to the same receipt), not the order's page.
      const submitted = await oncePerSubmission<Reserved>(db, found, submission, `${back}/pay`, async () => ({ refused: closed }));
      if ("refusal" in submitted) return refusal(submitted.refusal, back, form);
      const { value, replayed } = submitted;
      if (replayed && "reservation" in value) {
        return outcomeRedirect(await recordedOutcome(db, value.reservation, paymentContextFromEnv().connectorTimeoutSeconds * 1000), form);
      }
      return "refused" in value ? value.refused : closed;
    }
    const validated = validateCheckout(payable.settings(found), form);
    if (!validated.ok) return backWith(back, validated.errors, form);
    // The language the buyer is paying in: what they are sent from now on (the receipt) speaks it.
    const locale = requestLocale(request, configuredLocale(found));
    const checked = { ok: true, value: { ...validated.value, source, locale } } as const;

    const paymentContext = paymentContextFromEnv();
    // What this request's reservation wrote, kept here for its connector call; the submission stores the ids.
    const reserved: { written?: WrittenReservation } = {};
    const submitted = await oncePerSubmission<Reserved>(db, found, submission, `${back}/pay`, async (tx) => {
      const written = await payable.reserve(tx, paymentContext, token, checked.value);
      // Refused, with what it wrote kept: the refusal is stored with it.
      if (written instanceof AppError) return { refused: refusal(written, back, form) };
      reserved.written = written;
      return { reservation: reservationIds(written) };
    });
    if ("refusal" in submitted) return refusal(submitted.refusal, back, form);
    const { value, replayed } = submitted;
    // (A submission stored by an older version holds a redirect of neither shape: the page shows the state.)
    if (!("reservation" in value)) return "refused" in value ? value.refused : { location: back };
    const outcome = replayed
      ? await recordedOutcome(db, value.reservation, paymentContext.connectorTimeoutSeconds * 1000)
      : await authorizeReserved(db, paymentContext, value.reservation, checked.value, reserved.written);
    return outcomeRedirect(outcome, form);
  }
}

/** A refusal sends the buyer back to the form's page: with its `src`, so the next try still counts there. */
function sourceKept(redirect: Redirect, home: string, source: string | null): Redirect {
  if (source === null || redirect.location !== home) return redirect;
  return { ...redirect, location: `${home}?src=${source}` };
}
