import type { FieldMessage } from "@/lib/checkout/messages";

// Card checks the checkout does before anything reaches the processor. Pure: no I/O. The number itself is
// never stored or logged anywhere; only the brand and the last four digits leave this module's callers. What is
// wrong is said as keys of the checkout catalogue's errors (lib/checkout/messages.ts): the page words them.

export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "jcb" | "unionpay" | "unknown";

export interface CardInput {
  number: string;
  /** "MM/YY", "MM / YY" or "MMYY" as typed. */
  expiry: string;
  cvc: string;
}

export interface ValidCard {
  number: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface CardErrors {
  number?: FieldMessage<"cardNumber">;
  expiry?: FieldMessage<"expiry">;
  cvc?: FieldMessage<"cvc">;
}

export function digitsOnly(text: string): string {
  return text.replace(/[\s-]/g, "");
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^(6011|65|64[4-9])/.test(digits)) return "discover";
  if (/^35(2[89]|[3-8]\d)/.test(digits)) return "jcb";
  if (/^62/.test(digits)) return "unionpay";
  return "unknown";
}

/** Validates what the buyer typed; `now` decides whether the expiry is in the future. */
export function validateCard(input: CardInput, now: Date = new Date()): { ok: true; card: ValidCard } | { ok: false; errors: CardErrors } {
  const errors: CardErrors = {};
  const number = digitsOnly(input.number);
  if (number === "") errors.number = { key: "cardNumber.required" };
  else if (!/^\d+$/.test(number) || !luhnValid(number)) errors.number = { key: "cardNumber.invalid" };

  // "12/30", "12 / 2030", and "1230" as a phone's number pad types it.
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(input.expiry) ?? /^\s*(\d{2})(\d{2})\s*$/.exec(input.expiry);
  let expMonth = 0;
  let expYear = 0;
  if (!expiry) errors.expiry = { key: "expiry.format" };
  else {
    expMonth = Number(expiry[1]);
    expYear = expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
    const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
    if (expMonth < 1 || expMonth > 12) errors.expiry = { key: "expiry.month" };
    else if (expYear * 12 + (expMonth - 1) < thisMonth) errors.expiry = { key: "expiry.expired" };
    else if (expYear > now.getUTCFullYear() + 25) errors.expiry = { key: "expiry.year" };
  }

  const brand = cardBrand(number);
  const cvcLength = brand === "amex" ? 4 : 3;
  if (input.cvc.trim() === "") errors.cvc = { key: "cvc.required" };
  else if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc.trim())) errors.cvc = { key: "cvc.length", values: { digits: cvcLength } };

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, card: { number, brand, last4: number.slice(-4), expMonth, expYear } };
}
