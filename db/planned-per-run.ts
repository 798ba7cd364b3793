import { sql } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Runs `query` planned for its own parameter values, never with a prepared statement's generic plan: in a
 * transaction whose `plan_cache_mode` is `force_custom_plan` (SET LOCAL ends with it). For a statement whose best
 * plan depends on a value's selectivity — a keyword search, where one keyword matches a tenth of the links and
 * another none — at the price of three round trips more (BEGIN, the SET, COMMIT). Every other statement
 * keeps PostgreSQL's plan cache (db/client.ts).
 */
export function plannedPerRun<T>(db: Db, query: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
    return query(tx);
  });
}
