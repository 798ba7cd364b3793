import { z } from "zod";
import { isCurrencyCode } from "@/lib/money/currencies";
import { formatMinor, parseAmount } from "@/lib/money/money";
import { validateCard, type ValidCard } from "@/lib/payments/card";
import { PAYMENT_METHODS, type PaymentMethod } from "@/lib/payments/methods";

// What the buyer submits on a checkout page, checked against what the link or order asks for. Pure, so the
// checkout's rules are tested in milliseconds; the card number never leaves the returned value's memory.

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
}

export interface BuyerPayment {
  method: PaymentMethod;
  email: string | null;
  name: string | null;
  card?: ValidCard;
  /** Only for a buyer-chosen amount, in minor units. */
  amount?: number;
}

export type CheckoutField = "method" | "email" | "name" | "cardNumber" | "expiry" | "cvc" | "amount";
export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

const emailSchema = z.email();

export function validateCheckout(
  settings: CheckoutSettings,
  form: CheckoutForm,
  now: Date = new Date(),
): { ok: true; value: BuyerPayment } | { ok: false; errors: CheckoutErrors } {
  const errors: CheckoutErrors = {};
  const method = (form.method ?? "").trim();
  if (!PAYMENT_METHODS.includes(method as PaymentMethod) || !settings.paymentMethods.includes(method)) {
    errors.method = "Choose a payment method.";
  }

  const email = (form.email ?? "").trim();
  if (settings.collectEmail && email === "") errors.email = "Enter your email address.";
  else if (email !== "" && (!emailSchema.safeParse(email).success || email.length > 254)) errors.email = "Enter a valid email address, like name@example.com.";

  const name = (form.name ?? "").trim().slice(0, 200);
  if (settings.collectName && name === "") errors.name = "Enter your full name.";

  let amount: number | undefined;
  if (settings.customAmount && isCurrencyCode(settings.currency)) {
    const currency = settings.currency;
    const parsed = parseAmount(form.amount ?? "", currency);
    const { minimum, maximum } = settings.customAmount;
    if (!parsed.ok) errors.amount = parsed.reason === "too_precise" ? "That amount has too many decimals for this currency." : "Enter the amount you want to pay.";
    else if (minimum !== null && parsed.minor < minimum) errors.amount = `Enter at least ${formatMinor(minimum, currency)}.`;
    else if (maximum !== null && parsed.minor > maximum) errors.amount = `Enter at most ${formatMinor(maximum, currency)}.`;
    else amount = parsed.minor;
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
  return { ok: true, value: { method: method as PaymentMethod, email: email || null, name: name || null, card, amount } };
}
