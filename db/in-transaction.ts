import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/**
 * Runs `fn` in a transaction: the caller's, when `db` already is one, else a new one. drizzle nests a
 * `db.transaction` inside a transaction as a SAVEPOINT — a round trip of its own on every call (an API create
 * under an Idempotency-Key paid it on every request) — and it only matters to a caller that catches the
 * failure and carries on in its transaction. Use it for a service whose callers never do that: a failure
 * inside rolls their whole transaction back (lib/services/idempotency.ts stores a refusal after such a
 * rollback, in a transaction of its own; the checkout's submissions too, lib/checkout/once-per-submission.ts). A
 * service that a caller may refuse and continue past in its transaction must keep `db.transaction`.
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return is(db, PgTransaction) ? fn(db) : db.transaction(fn);
}
