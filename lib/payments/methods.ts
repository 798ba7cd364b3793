// The payment methods Paylink offers, as one table (shared/spec/API.md, "Capture, and more ways to pay"):
// which currencies and amounts each can take, how the buyer pays with it, whether it can hold a payment for a
// manual capture, and what refunds it allows. The API's validation, the dashboard's forms, the checkout and
// the refund rules all ask this module, so they cannot disagree. Pure.

/** Payment methods the platform offers, in the order checkout shows them by default. */
export const PAYMENT_METHODS = [
  "card",
  "alipay",
  "wechat_pay",
  "apple_pay",
  "google_pay",
  "bank_transfer",
  "promptpay",
  "pix",
  "ideal",
  "bancontact",
  "fpx",
  "klarna",
  "sepa_debit",
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * How the buyer pays: the card form; a wallet's approval page; a bank transfer that arrives later; a QR code
 * scanned in a banking app; a bank's page the buyer is sent to; a pay-later provider's page; a SEPA direct
 * debit mandate on the checkout form.
 */
export type MethodFlow = "card" | "wallet" | "bank_transfer" | "qr" | "bank_redirect" | "pay_later" | "sepa_debit";

/** What refunds a method allows: PromptPay none, PIX only the whole amount. */
export type RefundRule = "full_and_partial" | "full_only" | "none";

export interface MethodRule {
  label: string;
  flow: MethodFlow;
  /** The currencies it takes; null for every currency. */
  currencies: readonly string[] | null;
  /** The amounts it takes, in minor units (every currency of a method with limits has two decimals). */
  amount?: { minimum: number; maximum: number };
  refunds: RefundRule;
  /** Whether it can hold a payment for a later capture (`capture_method: "manual"`). */
  manualCapture: boolean;
  /** The banks the (simulated) bank page lists, for a bank redirect. */
  banks?: readonly string[];
}

const EVERY_CURRENCY = null;

export const METHOD_RULES: Record<PaymentMethod, MethodRule> = {
  card: { label: "Card", flow: "card", currencies: EVERY_CURRENCY, refunds: "full_and_partial", manualCapture: true },
  alipay: { label: "Alipay", flow: "wallet", currencies: EVERY_CURRENCY, refunds: "full_and_partial", manualCapture: true },
  wechat_pay: { label: "WeChat Pay", flow: "wallet", currencies: EVERY_CURRENCY, refunds: "full_and_partial", manualCapture: true },
  apple_pay: { label: "Apple Pay", flow: "wallet", currencies: EVERY_CURRENCY, refunds: "full_and_partial", manualCapture: true },
  google_pay: { label: "Google Pay", flow: "wallet", currencies: EVERY_CURRENCY, refunds: "full_and_partial", manualCapture: true },
  bank_transfer: { label: "Bank transfer", flow: "bank_transfer", currencies: EVERY_CURRENCY, refunds: "full_and_partial", manualCapture: false },
  promptpay: { label: "PromptPay", flow: "qr", currencies: ["THB"], refunds: "none", manualCapture: false },
  pix: { label: "Pix", flow: "qr", currencies: ["BRL"], refunds: "full_only", manualCapture: false },
  ideal: {
    label: "iDEAL",
    flow: "bank_redirect",
    currencies: ["EUR"],
    refunds: "full_and_partial",
    manualCapture: false,
    banks: ["ABN AMRO", "ASN Bank", "bunq", "ING", "Knab", "Rabobank", "RegioBank", "Revolut", "SNS", "Triodos Bank"],
  },
  bancontact: {
    label: "Bancontact",
    flow: "bank_redirect",
    currencies: ["EUR"],
    refunds: "full_and_partial",
    manualCapture: false,
    banks: ["Argenta", "AXA Bank", "Belfius", "BNP Paribas Fortis", "CBC", "Crelan", "ING Belgium", "KBC"],
  },
  fpx: {
    label: "FPX",
    flow: "bank_redirect",
    currencies: ["MYR"],
    refunds: "full_and_partial",
    manualCapture: false,
    banks: ["Affin Bank", "Alliance Bank", "AmBank", "Bank Islam", "Bank Rakyat", "CIMB Clicks", "Hong Leong Bank", "Maybank2u", "Public Bank", "RHB Now"],
  },
  klarna: {
    label: "Klarna",
    flow: "pay_later",
    currencies: ["EUR", "USD", "GBP", "SEK", "NOK", "DKK"],
    // 1.00 to 10,000.00 in each of its currencies (all with two decimals).
    amount: { minimum: 100, maximum: 1_000_000 },
    refunds: "full_and_partial",
    manualCapture: false,
  },
  sepa_debit: { label: "SEPA Direct Debit", flow: "sepa_debit", currencies: ["EUR"], refunds: "full_and_partial", manualCapture: false },
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, METHOD_RULES[m].label])) as Record<PaymentMethod, string>;

export function isPaymentMethod(method: string): method is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(method);
}

export function methodTakesCurrency(method: PaymentMethod, currency: string): boolean {
  const { currencies } = METHOD_RULES[method];
  return currencies === null || currencies.includes(currency);
}

/** Whether a method takes this amount (minor units); a null amount (the buyer chooses it) is checked later. */
export function methodTakesAmount(method: PaymentMethod, amount: number | null): boolean {
  const limits = METHOD_RULES[method].amount;
  return !limits || amount === null || (amount >= limits.minimum && amount <= limits.maximum);
}

/** Whether the checkout offers a method for this currency and amount. */
export function methodAvailable(method: PaymentMethod, currency: string, amount: number | null): boolean {
  return methodTakesCurrency(method, currency) && methodTakesAmount(method, amount);
}

/**
 * The refusal of a link or order whose methods cannot take its currency (400 parameter_invalid on
 * `payment_methods`), or null.
 */
export function currencyConflict(methods: readonly string[], currency: string): string | null {
  const cannot = methods.filter((m) => isPaymentMethod(m) && !methodTakesCurrency(m, currency));
  if (cannot.length === 0) return null;
  const takes = cannot.map((m) => `${m} takes only ${METHOD_RULES[m as PaymentMethod].currencies!.join(", ")}`);
  return `${cannot.join(", ")} cannot take ${currency}: ${takes.join("; ")}.`;
}

/** The refusal of a fixed price some named method cannot take (Klarna's 1.00–10,000.00), or null. */
export function amountConflict(methods: readonly string[], amount: number | null): string | null {
  const cannot = methods.filter((m) => isPaymentMethod(m) && !methodTakesAmount(m, amount));
  if (cannot.length === 0) return null;
  const limits = cannot.map((m) => `${m} takes ${METHOD_RULES[m as PaymentMethod].amount!.minimum} to ${METHOD_RULES[m as PaymentMethod].amount!.maximum} (minor units)`);
  return `${cannot.join(", ")} cannot take an amount of ${amount}: ${limits.join("; ")}.`;
}

/** The AppError-free check the services share; they turn a message into 400 parameter_invalid. */
export function methodsRefusal(methods: readonly string[], currency: string, captureMethod?: string, amount: number | null = null): string | null {
  return currencyConflict(methods, currency) ?? amountConflict(methods, amount) ?? manualCaptureConflict(captureMethod, methods);
}

export function supportsManualCapture(method: string): boolean {
  return isPaymentMethod(method) && METHOD_RULES[method].manualCapture;
}

/** The refusal of a manual-capture link or order offering a method that cannot hold a payment, or null. */
export function manualCaptureConflict(captureMethod: string | undefined, methods: readonly string[]): string | null {
  if (captureMethod !== "manual") return null;
  const cannot = methods.filter((m) => !supportsManualCapture(m));
  const holding = PAYMENT_METHODS.filter((m) => METHOD_RULES[m].manualCapture);
  return cannot.length === 0 ? null : `${cannot.join(", ")} cannot be captured manually: offer only methods that hold a payment (${holding.join(", ")}) with capture_method "manual".`;
}

/** What refunds a payment made with `method` allows (an unknown method: the usual full and partial). */
export function refundRule(method: string | null | undefined): RefundRule {
  return method && isPaymentMethod(method) ? METHOD_RULES[method].refunds : "full_and_partial";
}
