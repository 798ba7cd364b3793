import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    /** Stored as typed; uniqueness and look-ups are on lower(email). */
    email: text().notNull(),
    /** argon2id encoded hash (parameters and salt included). */
    passwordHash: text().notNull(),
    name: text(),
    /** When the owner proved the address (the link in the verification email). Until then: test mode only. */
    emailVerifiedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;

/**
 * One signed-in browser. The session cookie (an Auth.js JWT) names its row; every request that reads the
 * session checks the row is still there, so signing out, changing the password or an operator ending it
 * takes effect at once, even for a copy of the cookie taken before. `expiresAt` caps a session's life however
 * active it stays (the cookie itself lapses after 12 idle hours).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index().on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export type SessionRow = typeof sessions.$inferSelect;
