import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { readCheckoutForm, readSubmission } from "@/lib/checkout/form";
import { oncePerSubmission } from "@/lib/checkout/once-per-submission";
import { backWith, outcomeRedirect, refusal, type Redirect } from "@/lib/checkout/redirects";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";
import { validateCheckout, type BuyerPayment, type CheckoutSettings } from "@/lib/orders/checkout-input";
import type { PaymentContext } from "@/lib/services/payment-context";
import type { PayOutcome } from "@/lib/services/attempt-payment";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { checkoutPost } from "./post";
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
  pay: (tx: Db, paymentContext: PaymentContext, token: string, buyer: BuyerPayment) => Promise<PayOutcome>;
}

/**
 * The pay form's POST, for a link or an order: validate what the buyer typed against what it asks for, pay
 * once per submission, and 303 to where the outcome leads (a refusal back to the form, saying why).
 */
export function checkoutPayPost<T extends MerchantScope>(payable: Payable<T>) {
  return checkoutPost(payable.pattern, payable.home, async (request, { token }) => {
    const data = await readForm(request);
    const form = readCheckoutForm((name) => data.get(name));
    const back = payable.home(token);
    const db = await getDb();
    const found = await payable.find(db, token);
    if (!found) return { location: back };
    const closed = payable.closed(found, back);
    if (closed) return closed;
    const checked = validateCheckout(payable.settings(found), form);
    if (!checked.ok) return backWith(back, checked.errors, form);

    return oncePerSubmission(db, found, readSubmission((name) => data.get(name)), `${back}/pay`, async (tx) => {
      try {
        return outcomeRedirect(await payable.pay(tx, paymentContextFromEnv(), token, checked.value), form);
      } catch (error) {
        if (error instanceof AppError) return refusal(error, back, form);
        throw error;
      }
    });
  });
}
