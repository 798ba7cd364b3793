import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { MEMBERSHIP_ROLES, MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES } from "@/lib/core/statuses";
import { merchants } from "./merchants";
import { users } from "./users";

/**
 * Every email and SMS Paylink sends (`msg_…`). The content is rendered when the message is queued, in the
 * transaction that caused it, so what the dashboard shows is what was sent. Buyer messages carry a merchant
 * and mode; account emails (verification, reset, invitation) carry neither, and once an SMTP server has
 * accepted one its content is dropped: it holds a sign-in link.
 */
export const messages = pgTable(
  "messages",
  {
    id: text().primaryKey(),
    merchantId: text().references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull().default(false),
    channel: text({ enum: MESSAGE_CHANNELS }).notNull(),
    kind: text({ enum: MESSAGE_KINDS }).notNull(),
    /** An email address or an E.164 phone number. */
    to: text().notNull(),
    paymentLinkId: text(),
    orderId: text(),
    /** Emails: subject, HTML and plain text. SMS: the text alone. */
    subject: text(),
    html: text(),
    text: text().notNull(),
    status: text({ enum: MESSAGE_STATUSES }).notNull().default("queued"),
    failureReason: text(),
    /** How it left: `smtp`, `outbox`, `twilio`. Set when sent. */
    transport: text(),
    /** The transport's own id (SMTP Message-ID, Twilio's SM… sid): delivery callbacks name it. */
    providerMessageId: text(),
    attemptCount: integer().notNull().default(0),
    /** A sender holds the current attempt until then (claimed before the transport is called, so two never send one attempt). */
    claimedUntil: timestamp({ withTimezone: true, precision: 3 }),
    /** When the next attempt is due: the sweep re-queues a queued message long past it (its jobs were lost). */
    nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true, precision: 3 }),
    deliveredAt: timestamp({ withTimezone: true, precision: 3 }),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_merchant_idx").on(t.merchantId, t.livemode, t.id),
    index("messages_payment_link_idx").on(t.paymentLinkId).where(sql`${t.paymentLinkId} is not null`),
    index("messages_order_idx").on(t.orderId).where(sql`${t.orderId} is not null`),
    uniqueIndex("messages_provider_idx").on(t.transport, t.providerMessageId).where(sql`${t.providerMessageId} is not null`),
    index("messages_account_idx").on(t.id).where(sql`${t.merchantId} is null`),
    index("messages_queued_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  ],
);

export type MessageRow = typeof messages.$inferSelect;

/** A message's status history: one row per change, with what the transport said. */
export const messageStatusChanges = pgTable(
  "message_status_changes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    messageId: text()
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    status: text({ enum: MESSAGE_STATUSES }).notNull(),
    detail: text(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.messageId, t.id)],
);

/**
 * Single-use account links: email verification and password reset. Only the SHA-256 of the token is kept;
 * the token itself exists in the email alone.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    tokenHash: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: ["email_verification", "password_reset"] }).notNull(),
    /** The address the link was sent to: verifying it proves this address, not whatever the account says now. */
    email: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.purpose)],
);

/** A team invitation: the invitee joins only by accepting it, signed in with the invited address (verified). */
export const invitations = pgTable(
  "invitations",
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: text({ enum: MEMBERSHIP_ROLES }).notNull(),
    tokenHash: text().notNull().unique(),
    invitedBy: text().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.merchantId, t.createdAt),
    // One open invitation per address and merchant: inviting again replaces it (the old link stops working).
    uniqueIndex("invitations_open_idx").on(t.merchantId, sql`lower(${t.email})`).where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
export type InvitationRow = typeof invitations.$inferSelect;
