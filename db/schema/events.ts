import { boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { merchants } from "./merchants";

/**
 * Every state change, written in the same transaction as the change (the outbox): webhooks deliver from
 * here, so nothing committed is lost and nothing rolled back is announced.
 */
export const events = pgTable(
  "events",
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull(),
    type: text().notNull(),
    /** The id of the object the event is about (plink_…, ord_…). */
    objectId: text().notNull(),
    /** `{ object: … }`: the object as the API returned it at that moment. */
    data: jsonb().$type<{ object: Record<string, unknown> }>().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id), index().on(t.objectId)],
);

export type EventRow = typeof events.$inferSelect;
