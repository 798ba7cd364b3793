import type { CheckoutForm, CheckoutSettings } from "@/lib/orders/checkout-input";
import { isPaymentMethod, methodAvailable, type PaymentMethod } from "@/lib/payments/methods";
import type { Flash, FlashErrors } from "./flash";

// The checkout form's fields as the browser posts them, and what a link or an order asks of the buyer.
// Pure; the rules themselves are validateCheckout's (lib/orders/checkout-input.ts).

/** Field names of the checkout form (the `name` attributes), one per CheckoutForm key. */
export const FORM_FIELDS = ["method", "email", "name", "cardNumber", "expiry", "cvc", "amount", "accountHolder", "iban", "mandate"] as const satisfies readonly (keyof CheckoutForm)[];

/** The hidden field that makes a double-tapped Pay button one payment, not two. */
export const SUBMISSION_FIELD = "submission";
const SUBMISSION = /^[A-Za-z0-9]{16,64}$/;

/** Longest value read from a field: a card number with spaces is 23, an email 254. */
const MAX_FIELD = 320;

/** Reads the posted fields; anything that is not a short string is treated as empty. */
export function readCheckoutForm(get: (name: string) => unknown): CheckoutForm {
  const form: CheckoutForm = {};
  for (const field of FORM_FIELDS) {
    const value = get(field);
    if (typeof value === "string") form[field] = value.slice(0, MAX_FIELD);
  }
  return form;
}

/** The submission key the form carried, when it is well-formed. */
export function readSubmission(get: (name: string) => unknown): string | null {
  const value = get(SUBMISSION_FIELD);
  return typeof value === "string" && SUBMISSION.test(value) ? value : null;
}

/** The messages of a refusal, and what the buyer typed that may be shown again: never the card fields. */
export function flashFor(form: CheckoutForm, errors: FlashErrors): Flash {
  return { errors: { ...errors }, email: form.email, name: form.name, method: form.method, amount: form.amount, accountHolder: form.accountHolder };
}

export interface LinkSettingsSource {
  currency: string;
  paymentMethods: string[];
  collectEmail: boolean;
  collectName: boolean;
  amount: number | null;
  customAmountMinimum: number | null;
  customAmountMaximum: number | null;
}

export function linkCheckoutSettings(link: LinkSettingsSource): CheckoutSettings {
  return {
    currency: link.currency,
    paymentMethods: link.paymentMethods,
    collectEmail: link.collectEmail,
    collectName: link.collectName,
    customAmount: link.amount === null ? { minimum: link.customAmountMinimum, maximum: link.customAmountMaximum } : null,
  };
}

export function orderCheckoutSettings(order: Omit<LinkSettingsSource, "amount" | "customAmountMinimum" | "customAmountMaximum">): CheckoutSettings {
  return {
    currency: order.currency,
    paymentMethods: order.paymentMethods,
    collectEmail: order.collectEmail,
    collectName: order.collectName,
    customAmount: null,
  };
}

/**
 * The methods to offer, in the link's or order's order: those this platform knows that take the currency
 * and the amount (null when the buyer chooses it: a method's limits are then checked on the amount typed).
 */
export function offeredMethods(paymentMethods: readonly string[], currency: string, amount: number | null): PaymentMethod[] {
  return paymentMethods.filter((m, i): m is PaymentMethod => isPaymentMethod(m) && paymentMethods.indexOf(m) === i && methodAvailable(m, currency, amount));
}

/** The method to show selected: the one the buyer chose before, else the first offered. */
export function selectedMethod(offered: readonly PaymentMethod[], previous: string | undefined): PaymentMethod | undefined {
  return offered.find((m) => m === previous) ?? offered[0];
}
