export const ORDER_STATUSES = ["open", "processing", "paid", "partially_refunded", "refunded", "voided", "canceled", "expired"] as const;
