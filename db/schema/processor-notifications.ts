import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every notification a processor sent to /api/processors/{connector}/notifications that we verified and
 * handled, by the processor's own notification id. It is written in the same transaction as the change the
 * notification caused, so a notification sent twice (processors retry until they hear a 2xx) changes
 * nothing the second time.
 */
export const processorNotifications = pgTable(
  "processor_notifications",
  {
    processor: text().notNull(),
    id: text().notNull(),
    type: text().notNull(),
    /** "applied" (it changed a payment or refund) or "ignored" (it named nothing it could still change). */
    outcome: text().notNull(),
    receivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // Kept NOTIFICATION_RETENTION_DAYS (lib/jobs/maintenance.ts): far longer than any processor resends one.
  (t) => [primaryKey({ columns: [t.processor, t.id] }), index("processor_notifications_received_idx").on(t.receivedAt)],
);
