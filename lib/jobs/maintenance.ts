import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deleteExpiredSessions } from "@/db/queries/sessions";
import { apiRateLimits, rateLimits } from "@/db/schema";
import { deleteExpiredIdempotencyKeys } from "@/lib/services/idempotency";

/**
 * Housekeeping: idempotency keys past their 24 hours, rate-limit counters (sign-in and API) past their
 * window, and dashboard sessions past their end. Safe to run from several processes at once; the worker's maintenance queue runs it once per period.
 */
export async function runMaintenance(db: Db): Promise<{ idempotencyKeys: number; rateLimits: number; sessions: number }> {
  const idempotencyKeys = await deleteExpiredIdempotencyKeys(db);
  const cutoff = new Date(Date.now() - 60_000);
  const expired = await db.delete(rateLimits).where(lt(rateLimits.expire, cutoff)).returning({ key: rateLimits.key });
  const expiredApi = await db.delete(apiRateLimits).where(lt(apiRateLimits.expire, cutoff)).returning({ key: apiRateLimits.key });
  const sessions = await deleteExpiredSessions(db);
  return { idempotencyKeys, rateLimits: expired.length + expiredApi.length, sessions };
}

export const MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;
