import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { merchants } from "./merchants";

/**
 * One row per Idempotency-Key a merchant sent (per mode). Claimed before the request runs, completed with
 * the exact response in the same transaction as the request's writes, kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull(),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    /** SHA-256 of the raw request body: the same key with another body is a client bug. */
    bodyHash: text().notNull(),
    responseStatus: integer(),
    responseBody: text(),
    /** The claim that wrote the row, inside the request's own transaction (lib/services/idempotency.ts). */
    claimId: text(),
    /**
     * Only rows written by the previous design (claim committed before the request ran) have it: such an
     * incomplete claim is respected until this time. New claims leave it null; drop it once none are left.
     */
    lockedUntil: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.key] }), index().on(t.createdAt)],
);
