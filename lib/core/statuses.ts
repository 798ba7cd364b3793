// Every status list, declared once. The database's enums (db/schema, `pgEnum("order_status", ORDER_STATUSES)`),
// the API's zod schemas and the OpenAPI document all derive from these constants, so a status added here
// reaches all three; a new value still needs its migration (`npm run db:generate`).

/** An order's life: lib/orders/state-machine.ts says which change leads where. */
export const ORDER_STATUSES = ["open", "processing", "authorized", "paid", "partially_refunded", "refunded", "voided", "canceled", "expired"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One attempt to pay an order (lib/payments/attempt-machine.ts says which change leads where). */
export const PAYMENT_STATUSES = ["authorizing", "requires_action", "pending", "authorized", "succeeded", "failed", "voided"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REFUND_STATUSES = ["pending", "succeeded", "failed"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** One webhook or status-callback delivery, across its attempts. */
export const WEBHOOK_MESSAGE_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookMessageStatus = (typeof WEBHOOK_MESSAGE_STATUSES)[number];

/** "fanout" for the automatic delivery of an event, "resend" for one a person asked for. */
export const WEBHOOK_MESSAGE_ORIGINS = ["fanout", "resend"] as const;

/** A team member's role at a merchant (lib/accounts/permissions.ts says what each may do). */
export const MEMBERSHIP_ROLES = ["owner", "admin", "viewer"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * When an order's payment is captured: at once when authorized (`automatic`), or later by the merchant
 * (`manual`: the order waits in `authorized` for POST /orders/{id}/capture).
 */
export const CAPTURE_METHODS = ["automatic", "manual"] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];
