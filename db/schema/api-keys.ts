import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { merchants } from "./merchants";
import { users } from "./users";

/** Secret API keys. Only a SHA-256 of the key is kept; the key itself is shown once, at creation. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull(),
    name: text(),
    /** hex SHA-256 of the whole key; keys carry ~190 random bits, so a fast hash is the right one. */
    secretHash: text().notNull().unique(),
    /** What the dashboard shows: `sk_test_` … `Ab12`. */
    prefix: text().notNull(),
    last4: text().notNull(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [index().on(t.merchantId, t.livemode, t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
