import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters for rate-limiter-flexible's RateLimiterDrizzle (sign-in throttling, API rate limits). Kept in
 * the database so every app instance shares them. The column names are the ones the library expects.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true, precision: 3 }),
});
