import type { Db } from "@/db/client";
import { deleteExpiredSessions } from "@/db/queries/sessions";
import { and, isNotNull, lt } from "drizzle-orm";
import { accountTokens, apiRateLimits, processorNotifications, rateLimits, simulatorNotifications } from "@/db/schema";
import { deleteExpiredIdempotencyKeys } from "@/lib/services/idempotency";
import { requeueOverdueMessages } from "@/lib/services/send-message";

/**
 * How long a processor notification's id is remembered (so a resend changes nothing), and the simulator's
 * sent notifications kept: processors resend for days at most (Stripe: three), so a month is ample.
 */
export const NOTIFICATION_RETENTION_DAYS = 30;

/**
 * Housekeeping: idempotency keys past their 24 hours, rate-limit counters (sign-in and API) past their
 * window, dashboard sessions past their end, processor notifications past NOTIFICATION_RETENTION_DAYS, account
 * links a day past their expiry; and queued messages whose jobs were lost get a job again.
 * Safe to run from several processes at once; the worker's maintenance queue runs it once per period.
 */
export async function runMaintenance(
  db: Db,
): Promise<{ idempotencyKeys: number; rateLimits: number; sessions: number; notifications: number; accountTokens: number; messagesRequeued: number }> {
  const idempotencyKeys = await deleteExpiredIdempotencyKeys(db);
  const cutoff = new Date(Date.now() - 60_000);
  const expired = await db.delete(rateLimits).where(lt(rateLimits.expire, cutoff)).returning({ key: rateLimits.key });
  const expiredApi = await db.delete(apiRateLimits).where(lt(apiRateLimits.expire, cutoff)).returning({ key: apiRateLimits.key });
  const sessions = await deleteExpiredSessions(db);
  const forgotten = new Date(Date.now() - NOTIFICATION_RETENTION_DAYS * 86_400_000);
  const received = await db.delete(processorNotifications).where(lt(processorNotifications.receivedAt, forgotten)).returning({ id: processorNotifications.id });
  const sent = await db
    .delete(simulatorNotifications)
    .where(and(isNotNull(simulatorNotifications.deliveredAt), lt(simulatorNotifications.deliveredAt, forgotten)))
    .returning({ id: simulatorNotifications.id });
  const tokens = await db.delete(accountTokens).where(lt(accountTokens.expiresAt, new Date(Date.now() - 86_400_000))).returning({ hash: accountTokens.tokenHash });
  const messagesRequeued = await requeueOverdueMessages(db);
  return { idempotencyKeys, rateLimits: expired.length + expiredApi.length, sessions, notifications: received.length + sent.length, accountTokens: tokens.length, messagesRequeued };
}

export const MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;
