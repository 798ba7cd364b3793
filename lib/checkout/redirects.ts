import type { AppError } from "@/lib/core/errors";
import type { CheckoutForm } from "@/lib/orders/checkout-input";
import type { Flash, FlashErrors } from "./flash";
import { flashFor } from "./form";
import { fieldOf, type ErrorKey, type FieldError, type FieldKey } from "./messages";
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
export function backWith(path: string, errors: FlashErrors, form: CheckoutForm = {}): Redirect {
  return { location: path, flash: { path, value: flashFor(form, errors) } };
}

/**
 * What the checkout says of a service's refusal, by its AppError code and, for a field's, the field it names:
 * the refusals of reserving a payment (lib/services/pay-link.ts, pay-order.ts, attempt-payment.ts,
 * payment-context.ts). The refusal's own sentence (English, for the API) is never shown to the buyer.
 */
const REFUSALS: ReadonlyMap<string, ErrorKey> = new Map<string, ErrorKey>([
  ["payment_link_inactive", "form.linkUnavailable"],
  ["livemode_unavailable", "form.notAccepting"],
  ["parameter_invalid method", "method.required"],
  ["parameter_missing amount", "amount.required"],
]);

/** A message by its key, filed under the field the key is about. */
function errorAt(key: ErrorKey): FlashErrors {
  return { [fieldOf(key)]: { key } };
}

/**
 * A service's refusal, as the form's page shows it: by the field it names, else above the form; one the checkout
 * has no words for says the payment did not go through. A link or order that is gone, or no longer payable
 * (expired, paid, a payment already under way), goes back to its page with no message: the page says where it
 * stands.
 */
export function refusal(error: AppError, path: string, form: CheckoutForm): Redirect {
  if (error.code === "resource_missing") return { location: path };
  if (error.code === "order_not_payable") return backWith(path, {}, form);
  const key = REFUSALS.get(`${error.code} ${error.param}`) ?? REFUSALS.get(error.code) ?? "form.failed";
  return backWith(path, errorAt(key), form);
}

/** The declines the checkout words itself, by the processor's code (or ours: a step never finished, no answer). */
const DECLINES: ReadonlyMap<string, FieldKey<"form">> = new Map([
  ["card_declined", "form.cardDeclined"],
  ["insufficient_funds", "form.insufficientFunds"],
  ["sepa_debit_failed", "form.debitRefused"],
  ["action_timeout", "form.actionTimeout"],
  ["processor_unavailable", "form.processorUnavailable"],
] as const);

/**
 * Why a payment failed, above the form: worded by the page when the checkout knows the failure's code, else the
 * processor's own reason as it gave it (no catalogue has it), else that the payment did not go through.
 */
export function declineMessage(payment: { failureCode: string | null; failureMessage: string | null } | null | undefined): FieldError<"form"> {
  const key = payment?.failureCode ? DECLINES.get(payment.failureCode) : undefined;
  if (key) return { key };
  return payment?.failureMessage ? { text: payment.failureMessage } : { key: "form.failed" };
}

/** Where a payment attempt's outcome sends the buyer; a decline says why on the order's own page. */
export function outcomeRedirect(
  outcome: PayOutcomeKind & { order: { token: string; successUrl: string | null }; payment?: { failureCode: string | null; failureMessage: string | null } },
  form: CheckoutForm,
): Redirect {
  const location = outcomePath(outcome, outcome.order);
  if (outcome.kind !== "declined") return { location };
  return backWith(location, { form: declineMessage(outcome.payment) }, form);
}
