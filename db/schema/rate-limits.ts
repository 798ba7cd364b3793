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

/**
 * The per-key API rate limit's counters (lib/http/rate-limit.ts): one upsert on every API request, all of a
 * key's requests on one row. The table is UNLOGGED (migration 0006 creates it so; drizzle has no word for
 * it): its writes skip the write-ahead log, so the row lock is held for microseconds instead of a disk flush,
 * which capped one key at a few hundred requests a second. After a crash PostgreSQL empties it, and standbys
 * do not have it — both only reset one-second counters. Sign-in throttling stays in `rate_limits`, logged.
 */
export const apiRateLimits = pgTable("api_rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true, precision: 3 }),
});
