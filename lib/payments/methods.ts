/** Payment methods the platform offers, in the order checkout shows them by default. */
export const PAYMENT_METHODS = ["card", "alipay", "wechat_pay", "apple_pay", "google_pay", "bank_transfer"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: "Card",
  alipay: "Alipay",
  wechat_pay: "WeChat Pay",
  apple_pay: "Apple Pay",
  google_pay: "Google Pay",
  bank_transfer: "Bank transfer",
};
