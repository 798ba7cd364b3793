import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { isPaymentMethod } from "@/lib/payments/methods";

// How a payment is named (its method, the card, the debited account or the bank), in the buyer's language
// (English by default: the dashboard's and the API's words). Pure. Amounts and dates are lib/i18n/format.ts's.

const BRAND_NAMES: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  unionpay: "UnionPay",
};

/** "Visa •••• 4242"; a card of no known brand is a "Card". */
export function cardLabel(brand: string | null, last4: string | null, locale: Locale = DEFAULT_LOCALE): string {
  const name = (brand && BRAND_NAMES[brand]) || methodLabel("card", locale);
  return last4 ? translator(locale, "checkout")("paymentLabel.card", { brand: name, last4 }) : name;
}

/** A payment method's name ("Bank transfer", "WeChat Pay"); a method we do not know keeps its code. */
export function methodLabel(method: string, locale: Locale = DEFAULT_LOCALE): string {
  return isPaymentMethod(method) ? translator(locale, "checkout")(`methods.${method}`) : method;
}

/** How the receipt names the payment: the card (brand and last four), the debited account, the bank, or the method. */
export function paymentLabel(
  payment: { method: string; cardBrand: string | null; cardLast4: string | null; details?: { bank?: string; iban_last4?: string } | null },
  locale: Locale = DEFAULT_LOCALE,
): string {
  if (payment.method === "card") return cardLabel(payment.cardBrand, payment.cardLast4, locale);
  const t = translator(locale, "checkout");
  const method = methodLabel(payment.method, locale);
  if (payment.details?.iban_last4) return t("paymentLabel.account", { method, last4: payment.details.iban_last4 });
  if (payment.details?.bank) return t("paymentLabel.bank", { method, bank: payment.details.bank });
  return method;
}

/** `count` instalments in minor units that add up to the amount exactly: the first carries the remainder. */
export function instalments(amount: number, count: number): number[] {
  const part = Math.floor(amount / count);
  return [amount - part * (count - 1), ...Array<number>(count - 1).fill(part)];
}
