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

/**
 * What became of a processor's notification: `applied` (it changed a payment or refund), `ignored` (it named
 * nothing it could still change), `duplicate` (received before).
 */
export const NOTIFICATION_OUTCOMES = ["applied", "ignored", "duplicate"] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/** A team member's role at a merchant (lib/accounts/permissions.ts says what each may do). */
export const MEMBERSHIP_ROLES = ["owner", "admin", "viewer"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * When an order's payment is captured: at once when authorized (`automatic`), or later by the merchant
 * (`manual`: the order waits in `authorized` for POST /orders/{id}/capture).
 */
export const CAPTURE_METHODS = ["automatic", "manual"] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

/** An email or SMS Paylink sends (lib/messaging): queued in the transaction that caused it, then sent by the worker. */
export const MESSAGE_STATUSES = ["queued", "sent", "delivered", "failed"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_CHANNELS = ["email", "sms"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * What a message is. The first two go to buyers, belong to a merchant and mode, and are the API's `message`
 * objects; the others go to Paylink users about their account and belong to no merchant.
 */
export const BUYER_MESSAGE_KINDS = ["payment_request", "receipt"] as const;
export const ACCOUNT_MESSAGE_KINDS = ["email_verification", "password_reset", "team_invitation"] as const;
export const MESSAGE_KINDS = [...BUYER_MESSAGE_KINDS, ...ACCOUNT_MESSAGE_KINDS] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type AccountMessageKind = (typeof ACCOUNT_MESSAGE_KINDS)[number];
