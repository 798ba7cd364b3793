import { sql } from "drizzle-orm";
import { WEBHOOK_MESSAGE_ORIGINS, WEBHOOK_MESSAGE_STATUSES } from "@/lib/core/statuses";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { events } from "./events";
import { merchants } from "./merchants";

/** Where a merchant wants events sent. Secrets are Standard Webhooks keys: `whsec_` + base64. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull(),
    url: text().notNull(),
    description: text(),
    /** Event types to send, or ["*"] for all. */
    events: text().array().notNull(),
    enabled: boolean().notNull().default(true),
    /** A platform's endpoint that also receives its connected merchants' events (in this mode). */
    connect: boolean().notNull().default(false),
    /** Why the platform disabled it (failing for days); null when a person did, or when enabled. */
    disabledReason: text(),
    secret: text().notNull(),
    /** During a rotation the old secret keeps signing too, until previousSecretExpiresAt. */
    previousSecret: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Set at the first failure after a success; an endpoint failing for 5 days is disabled. */
    failingSince: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id)],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/**
 * One event on its way to one destination: an endpoint, or the status_callback_url of the object the
 * event is about. A resend is a new message.
 */
export const webhookMessages = pgTable(
  "webhook_messages",
  {
    id: text().primaryKey(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    endpointId: text().references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** For a status callback: the URL, signed with the merchant's callback secret. */
    callbackUrl: text(),
    /** "fanout" for the automatic delivery, "resend" for a manual one. */
    origin: text({ enum: WEBHOOK_MESSAGE_ORIGINS }).notNull().default("fanout"),
    status: text({ enum: WEBHOOK_MESSAGE_STATUSES }).notNull().default("pending"),
    attemptCount: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }),
    lastAttemptAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.eventId),
    index().on(t.endpointId, t.id),
    // The automatic fan-out makes at most one message per event and destination, however often it runs.
    uniqueIndex("webhook_messages_fanout_endpoint").on(t.eventId, t.endpointId).where(sql`${t.origin} = 'fanout' and ${t.endpointId} is not null`),
    uniqueIndex("webhook_messages_fanout_callback").on(t.eventId, t.callbackUrl).where(sql`${t.origin} = 'fanout' and ${t.callbackUrl} is not null`),
  ],
);

export type WebhookMessageRow = typeof webhookMessages.$inferSelect;

/** Every HTTP attempt of a message, kept for the dashboard and the API. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: text().primaryKey(),
    messageId: text()
      .notNull()
      .references(() => webhookMessages.id, { onDelete: "cascade" }),
    attemptNumber: integer().notNull(),
    attemptedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    statusCode: integer(),
    latencyMs: integer(),
    /** The first 2 KB of the response body. */
    responseBody: text(),
    error: text(),
    succeeded: boolean().notNull(),
  },
  (t) => [index().on(t.messageId, t.attemptNumber)],
);

export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
