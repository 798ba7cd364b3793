import type { FieldMessage } from "@/lib/checkout/messages";
import type { Locale } from "@/lib/i18n/locales";
import { z } from "zod";
import { isCurrencyCode } from "@/lib/money/currencies";
import { parseAmount } from "@/lib/money/money";
import { validateCard, type ValidCard } from "@/lib/payments/card";
import { ibanCountry, ibanValid, normalizeIban } from "@/lib/payments/iban";
import { isPaymentMethod, METHOD_RULES, methodAvailable, type PaymentMethod } from "@/lib/payments/methods";

// What the buyer submits on a checkout page, checked against what the link or order asks for. Pure, so the
// checkout's rules are tested in milliseconds; the card number never leaves the returned value's memory. What
// is wrong is said per field as a key of the checkout catalogue's errors (lib/checkout/messages.ts), with its
// values as data (amounts in minor units beside the currency, a method by its id): the page words them in the
// buyer's language.

export interface CheckoutSettings {
  currency: string;
  paymentMethods: readonly string[];
  collectEmail: boolean;
  collectName: boolean;
  /** Set when the buyer chooses the amount (a link with custom_amount). */
  customAmount?: { minimum: number | null; maximum: number | null } | null;
}

export interface CheckoutForm {
  method?: string;
  email?: string;
  name?: string;
  cardNumber?: string;
  expiry?: string;
  cvc?: string;
  amount?: string;
  /** SEPA Direct Debit: the account holder, the IBAN, and "accepted" when the mandate box is ticked. */
  accountHolder?: string;
  iban?: string;
  mandate?: string;
}

export interface BuyerPayment {
  method: PaymentMethod;
  email: string | null;
  name: string | null;
  card?: ValidCard;
  /** Only for "sepa_debit": the account, in memory for the processor call; only country and last four are kept. */
  sepa?: { iban: string; accountHolder: string; country: string; last4: string };
  /** Only for a buyer-chosen amount, in minor units. */
  amount?: number;
  /** Where the buyer came from (`src` on the checkout URL; lib/links/source.ts), or null. */
  source?: string | null;
  /** The language the buyer paid in (the checkout's), for the receipt and what is sent after; null if unknown. */
  locale?: Locale | null;
}

export type CheckoutField = "method" | "email" | "name" | "cardNumber" | "expiry" | "cvc" | "amount" | "accountHolder" | "iban" | "mandate";
export type CheckoutErrors = { [F in CheckoutField]?: FieldMessage<F> };

const emailSchema = z.email();

export function validateCheckout(
  settings: CheckoutSettings,
  form: CheckoutForm,
  now: Date = new Date(),
): { ok: true; value: BuyerPayment } | { ok: false; errors: CheckoutErrors } {
  const errors: CheckoutErrors = {};
  const method = (form.method ?? "").trim();
  if (!isPaymentMethod(method) || !settings.paymentMethods.includes(method) || !methodAvailable(method, settings.currency, null)) {
    errors.method = { key: "method.required" };
  }

  const email = (form.email ?? "").trim();
  if (settings.collectEmail && email === "") errors.email = { key: "email.required" };
  else if (email !== "" && (!emailSchema.safeParse(email).success || email.length > 254)) errors.email = { key: "email.invalid" };

  const name = (form.name ?? "").trim().slice(0, 200);
  if (settings.collectName && name === "") errors.name = { key: "name.required" };

  let amount: number | undefined;
  if (settings.customAmount && isCurrencyCode(settings.currency)) {
    const currency = settings.currency;
    const parsed = parseAmount(form.amount ?? "", currency);
    const { minimum, maximum } = settings.customAmount;
    if (!parsed.ok) errors.amount = { key: parsed.reason === "too_precise" ? "amount.tooPrecise" : "amount.required" };
    else if (minimum !== null && parsed.minor < minimum) errors.amount = { key: "amount.belowMinimum", values: { minimum, currency } };
    else if (maximum !== null && parsed.minor > maximum) errors.amount = { key: "amount.aboveMaximum", values: { maximum, currency } };
    else amount = parsed.minor;
  }
  // A method with amount limits (Klarna), for the amount the buyer chose: the fixed price was checked when the
  // checkout offered the method.
  if (amount !== undefined && isPaymentMethod(method) && !errors.method) {
    const limits = METHOD_RULES[method].amount;
    if (limits && (amount < limits.minimum || amount > limits.maximum)) {
      errors.amount = { key: "amount.outsideMethodLimits", values: { method, methodMinimum: limits.minimum, methodMaximum: limits.maximum, currency: settings.currency } };
    }
  }

  let sepa: BuyerPayment["sepa"];
  if (method === "sepa_debit") {
    const accountHolder = (form.accountHolder ?? "").trim().slice(0, 200);
    const iban = normalizeIban(form.iban ?? "");
    if (accountHolder === "") errors.accountHolder = { key: "accountHolder.required" };
    if (iban === "") errors.iban = { key: "iban.required" };
    else if (!ibanValid(iban)) errors.iban = { key: "iban.invalid" };
    if (form.mandate !== "accepted") errors.mandate = { key: "mandate.required" };
    if (!errors.accountHolder && !errors.iban) sepa = { iban, accountHolder, country: ibanCountry(iban) ?? "", last4: iban.slice(-4) };
  }

  let card: ValidCard | undefined;
  if (method === "card") {
    const checked = validateCard({ number: form.cardNumber ?? "", expiry: form.expiry ?? "", cvc: form.cvc ?? "" }, now);
    if (checked.ok) card = checked.card;
    else {
      if (checked.errors.number) errors.cardNumber = checked.errors.number;
      if (checked.errors.expiry) errors.expiry = checked.errors.expiry;
      if (checked.errors.cvc) errors.cvc = checked.errors.cvc;
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { method: method as PaymentMethod, email: email || null, name: name || null, card, sepa, amount } };
}
