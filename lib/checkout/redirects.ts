import type { AppError } from "@/lib/core/errors";
import type { CheckoutForm } from "@/lib/orders/checkout-input";
import type { Flash, FlashErrorInput } from "./flash";
import { flashFor } from "./form";
import type { CheckoutMessage, ErrorKey } from "./messages";
import { outcomePath, type PayOutcomeKind } from "./steps";

// Where a checkout form post sends the buyer, and what the page there has to say. The checkout's forms post to
// route handlers that answer 303 See Other (Post/Redirect/Get), so the checkout works with JavaScript off and
// a reload never pays twice; a refused post's messages travel in a short-lived "flash" for the page it
// redirects to. Pure: lib/http/checkout/post.ts turns a Redirect into the response.

/** What a form post answers: where to go, and the flash for the page there. */
export interface Redirect {
  location: string;
  flash?: { path: string; value: Flash };
}

/** Back to the form's page with messages (and what the buyer typed, minus the card). */
export function backWith(path: string, errors: FlashErrorInput, form: CheckoutForm = {}): Redirect {
  return { location: path, flash: { path, value: flashFor(form, errors) } };
}

const FIELD_PARAMS = new Set(["method", "email", "name", "cardNumber", "expiry", "cvc", "amount", "accountHolder", "iban", "mandate"]);

/** A service's refusal, as the form's page shows it: by the field it names, else above the form. */
export function refusal(error: AppError, path: string, form: CheckoutForm): Redirect {
  if (error.code === "resource_missing") return { location: path };
  const errors: FlashErrorInput = error.param && FIELD_PARAMS.has(error.param) ? { [error.param]: error.message } : { form: error.message };
  return backWith(path, errors, form);
}

/** The declines the checkout words itself, by the processor's code; any other keeps the processor's sentence. */
const DECLINES: Readonly<Record<string, ErrorKey>> = {
  card_declined: "form.cardDeclined",
  insufficient_funds: "form.insufficientFunds",
  sepa_debit_failed: "form.debitRefused",
  action_timeout: "form.actionTimeout",
  processor_unavailable: "form.processorUnavailable",
};

function declineMessage(code: string | null | undefined, message: string | undefined): string | CheckoutMessage {
  const key = code ? DECLINES[code] : undefined;
  return key ? { key } : (message ?? { key: "form.failed" });
}

/** Where a payment attempt's outcome sends the buyer; a decline says why on the order's own page. */
export function outcomeRedirect(
  outcome: PayOutcomeKind & { order: { token: string; successUrl: string | null }; payment?: { failureCode: string | null }; message?: string },
  form: CheckoutForm,
): Redirect {
  const location = outcomePath(outcome, outcome.order);
  if (outcome.kind !== "declined") return { location };
  return backWith(location, { form: declineMessage(outcome.payment?.failureCode, outcome.message) }, form);
}
