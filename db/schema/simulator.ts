import { bigint, boolean, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
  /** "charged" (money moved or is held), "declined", "waiting" (for the buyer or the bank), "voided". */
  state: text().notNull(),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
