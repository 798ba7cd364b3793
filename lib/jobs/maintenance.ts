import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { deleteExpiredIdempotencyKeys } from "@/lib/services/idempotency";

/**
 * Housekeeping: idempotency keys past their 24 hours and rate-limit counters past their window. Safe to run
 * from several processes at once. Runs on a timer in each app process for now; the job queue (issue #5)
 * will schedule it once per cluster instead.
 */
export async function runMaintenance(db: Db): Promise<{ idempotencyKeys: number; rateLimits: number }> {
  const idempotencyKeys = await deleteExpiredIdempotencyKeys(db);
  const expired = await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 60_000))).returning({ key: rateLimits.key });
  return { idempotencyKeys, rateLimits: expired.length };
}

export const MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;
