import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findActiveApiKeyByHash, findActiveApiKeyByHashCounting } from "@/db/queries/api-keys";
import { apiKeys, type ApiKey } from "@/db/schema";
import { hashApiKey, parseApiKey } from "@/lib/api-keys";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";


/** When this process last wrote each key's last-used time (ms). */
const lastTouched = new Map<string, number>();

export interface ApiKeyPrincipal extends MerchantScope {
  apiKeyId: string;
  /** When the request was counted (`count`) and the key's budget was already spent: the ms to wait, else 0. */
  rateLimitWaitMs: number;
}

/** Counting a request against the key's budget: its counter row is `${prefix}:${key id}`, `perSecond` per second. */
export interface ApiKeyCount {
  prefix: string;
  perSecond: number;
}

/**
 * Who a bearer key speaks for. A missing header and a wrong key are different errors (the contract says
 * so), but a revoked, unknown or malformed key all look the same. With `count`, the same statement also
 * counts the request against the key's per-second budget (what consumeApiRateLimit does, on the same row):
 * one round trip instead of two on every API request.
 */
export async function authenticateApiKey(db: Db, authorization: string | null, count?: ApiKeyCount): Promise<ApiKeyPrincipal> {
  if (!authorization?.trim()) {
    throw new AppError("api_key_missing", "No API key provided. Send it as 'Authorization: Bearer sk_test_…'.");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const secret = match?.[1] ?? "";
  if (!parseApiKey(secret)) throw new AppError("api_key_invalid", "Invalid API key provided.");
  let key: ApiKey | null;
  let rateLimitWaitMs = 0;
  if (count && count.perSecond > 0) {
    const counted = await findActiveApiKeyByHashCounting(db, hashApiKey(secret), { prefix: count.prefix, windowMs: 1_000 });
    if (counted && counted.points > count.perSecond) rateLimitWaitMs = Math.max(1, counted.expire.getTime() - Date.now());
    key = counted;
  } else {
    key = await findActiveApiKeyByHash(db, hashApiKey(secret));
  }
  if (!key) throw new AppError("api_key_invalid", "Invalid API key provided.");
  // Last-used time to the minute is enough: each process writes it at most once a minute per key (the
  // database's condition keeps several processes from writing it more often), not a round trip per request.
  const now = Date.now();
  if (now - (lastTouched.get(key.id) ?? 0) >= 60_000) {
    lastTouched.set(key.id, now);
    void db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))))
      .catch(() => lastTouched.delete(key.id));
  }
  return { apiKeyId: key.id, merchantId: key.merchantId, livemode: key.livemode, rateLimitWaitMs };
}
