import { isCurrencyCode } from "@/lib/money/currencies";
import { formatMinor } from "@/lib/money/money";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from "@/lib/payments/methods";

// How the checkout words amounts, cards and dates for the buyer. Pure.

/** "$25.00"; an unknown currency code (never stored, but never a crash either) shows the minor units. */
export function formatAmount(minor: number, currency: string): string {
  return isCurrencyCode(currency) ? formatMinor(minor, currency) : `${minor} ${currency}`;
}

const BRAND_NAMES: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  unionpay: "UnionPay",
};

/** "Visa •••• 4242". */
export function cardLabel(brand: string | null, last4: string | null): string {
  const name = (brand && BRAND_NAMES[brand]) || "Card";
  return last4 ? `${name} •••• ${last4}` : name;
}

export function methodLabel(method: string): string {
  return PAYMENT_METHODS.includes(method as PaymentMethod) ? PAYMENT_METHOD_LABELS[method as PaymentMethod] : method;
}

/** How the receipt names the payment: the card (brand and last four), the debited account, the bank, or the method. */
export function paymentLabel(payment: { method: string; cardBrand: string | null; cardLast4: string | null; details?: { bank?: string; iban_last4?: string } | null }): string {
  if (payment.method === "card") return cardLabel(payment.cardBrand, payment.cardLast4);
  if (payment.details?.iban_last4) return `${methodLabel(payment.method)} •••• ${payment.details.iban_last4}`;
  if (payment.details?.bank) return `${methodLabel(payment.method)} · ${payment.details.bank}`;
  return methodLabel(payment.method);
}

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "May 25, 2026, 10:00 AM UTC": rendered on the server, so stated in UTC rather than a guessed zone. */
export function formatReceiptDate(date: Date): string {
  return `${DATE.format(date)} UTC`;
}

/** `count` instalments in minor units that add up to the amount exactly: the first carries the remainder. */
export function instalments(amount: number, count: number): number[] {
  const part = Math.floor(amount / count);
  return [amount - part * (count - 1), ...Array<number>(count - 1).fill(part)];
}
