import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";

/** How many of each kind a merchant may have per mode: enough for any integration, few enough to stay cheap
 *  (every event fans out to every endpoint; every key is a credential to keep track of). */
export const QUOTAS = {
  webhookEndpoints: 16,
  activeApiKeys: 20,
} as const;

/**
 * Runs `create` only while the merchant has fewer than `limit` of a kind in this mode. The count and the
 * insert happen under a transaction-scoped advisory lock on (kind, merchant, mode), so two creates racing at
 * the limit cannot both pass the count; nothing else (the merchant row, other kinds) is locked.
 */
export async function withinQuota<T>(
  db: Db,
  scope: MerchantScope,
  quota: { kind: string; limit: number; count: (tx: Db) => Promise<number>; message: string },
  create: (tx: Db) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const name = `${scope.merchantId}:${scope.livemode}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`quota:${quota.kind}`}), hashtext(${name}))`);
    if ((await quota.count(tx)) >= quota.limit) throw new AppError("resource_limit_reached", quota.message);
    return create(tx);
  });
}
