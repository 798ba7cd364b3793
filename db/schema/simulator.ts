import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The built-in simulated processor's own books (lib/processor/simulated.ts), standing in for what a real
 * processor keeps on its side: one row per authorization it took, keyed by the idempotency key we sent (our
 * payment id). It lives in our database only because the simulator runs inside our process; no query of ours
 * joins it, and it outlives a crash of the app the way a processor's records would — which is what lets the
 * recovery job ask "what happened to this attempt?" (`retrieve`) and get a true answer.
 */
export const simulatorPayments = pgTable("simulator_payments", {
  /** The idempotency key of the authorization: our payment id. */
  key: text().primaryKey(),
  reference: text().notNull().unique(),
  livemode: boolean().notNull(),
  method: text().notNull(),
  amount: bigint({ mode: "number" }).notNull(),
  currency: text().notNull(),
  /** The answer it gave (AuthorizeResult), given again to a repeated request with the same key. */
  answer: jsonb().notNull(),
  /**
   * "charged" (money moved), "authorized" (held for a manual capture), "declined", "waiting" (for the buyer
   * or the bank), "voided" (given back, or the hold released).
   */
  state: text().notNull(),
  /** "automatic" or "manual", as the authorization asked. */
  capture: text().notNull().default("automatic"),
  /** What a manual capture took. */
  capturedAmount: bigint({ mode: "number" }),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * What the simulator has to tell us later, as a real processor's outgoing webhooks: a bank transfer that
 * arrived, a refund that settled. Sent by HTTP to our own inbound route (/api/processors/simulator/notifications),
 * signed, until it is answered with a 2xx — so the path a real processor's notifications take is the one
 * every simulated asynchronous payment takes.
 */
export const simulatorNotifications = pgTable(
  "simulator_notifications",
  {
    id: text().primaryKey(),
    /** The notification's JSON body, as sent. */
    payload: jsonb().notNull(),
    /** When it is (next) due: its event time first, then pushed on by each attempt to send it. */
    dueAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    deliveredAt: timestamp({ withTimezone: true, precision: 3 }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("simulator_notifications_due_idx").on(t.dueAt).where(sql`${t.deliveredAt} is null`)],
);
