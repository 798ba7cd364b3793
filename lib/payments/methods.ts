/** Payment methods the platform offers, in the order checkout shows them by default. */
export const PAYMENT_METHODS = ["card", "alipay", "wechat_pay", "apple_pay", "google_pay", "bank_transfer"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Methods whose authorization can be held and captured later (`capture_method: "manual"`): cards and the
 * wallets that put a hold on a card. A bank transfer has no hold: the money simply arrives.
 */
const MANUAL_CAPTURE: ReadonlySet<string> = new Set<PaymentMethod>(["card", "alipay", "wechat_pay", "apple_pay", "google_pay"]);

export function supportsManualCapture(method: string): boolean {
  return MANUAL_CAPTURE.has(method);
}

/** The refusal of a manual-capture link or order offering a method that cannot hold a payment, or null. */
export function manualCaptureConflict(captureMethod: string | undefined, methods: readonly string[]): string | null {
  if (captureMethod !== "manual") return null;
  const cannot = methods.filter((m) => !supportsManualCapture(m));
  return cannot.length === 0 ? null : `${cannot.join(", ")} cannot be captured manually: offer only methods that hold a payment (${[...MANUAL_CAPTURE].join(", ")}) with capture_method "manual".`;
}

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: "Card",
  alipay: "Alipay",
  wechat_pay: "WeChat Pay",
  apple_pay: "Apple Pay",
  google_pay: "Google Pay",
  bank_transfer: "Bank transfer",
};
