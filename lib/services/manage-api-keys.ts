import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countActiveApiKeys, findActiveApiKeyByHash, revokeActiveApiKey } from "@/db/queries/api-keys";
import { apiKeys } from "@/db/schema";
import { generateApiKey, hashApiKey, parseApiKey } from "@/lib/api-keys";
import { AppError } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { QUOTAS, withinQuota } from "./quota";
import type { MerchantScope } from "@/lib/core/scope";

/** Creates a secret key; the returned `secret` is the only time the whole key exists outside the client. */
export async function createApiKey(db: Db, scope: MerchantScope, input: { name?: string | null; createdBy?: string | null } = {}) {
  const key = generateApiKey(scope.livemode);
  const name = input.name?.trim().slice(0, 100) || null;
  const quota = {
    kind: "api_keys",
    limit: QUOTAS.activeApiKeys,
    message: `This mode already has ${QUOTAS.activeApiKeys} active API keys, the most allowed. Revoke one you no longer use first.`,
    count: (tx: Db) => countActiveApiKeys(tx, scope),
  };
  const row = await withinQuota(db, scope, quota, async (tx) => {
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        id: newId("apiKey"),
        merchantId: scope.merchantId,
        livemode: scope.livemode,
        name,
        secretHash: key.hash,
        prefix: key.prefix,
        last4: key.last4,
        createdBy: input.createdBy ?? null,
      })
      .returning();
    return inserted!;
  });
  return { id: row.id, secret: key.secret, livemode: row.livemode, createdAt: row.createdAt };
}

/** Revokes a key at once: the next request made with it is refused. */
export async function revokeApiKey(db: Db, scope: MerchantScope, id: string): Promise<void> {
  const revoked = await revokeActiveApiKey(db, scope, id);
  if (!revoked) throw new AppError("resource_missing", "No such active API key.");
}

/**
 * Replaces an active key with a new one of the same name and mode, in one transaction: the old key stops
 * working at once (someone who left may hold it), and the answer alone carries the new secret.
 */
export async function rollApiKey(db: Db, scope: MerchantScope, id: string, input: { createdBy?: string | null } = {}) {
  return db.transaction(async (tx) => {
    const old = await revokeActiveApiKey(tx, scope, id);
    if (!old) throw new AppError("resource_missing", "No such active API key.");
    return { replaced: id, ...(await createApiKey(tx, scope, { name: old.name, createdBy: input.createdBy })), name: old.name };
  });
}

/** When this process last wrote each key's last-used time (ms). */
const lastTouched = new Map<string, number>();

export interface ApiKeyPrincipal extends MerchantScope {
  apiKeyId: string;
}

/**
 * Who a bearer key speaks for. A missing header and a wrong key are different errors (the contract says
 * so), but a revoked, unknown or malformed key all look the same.
 */
export async function authenticateApiKey(db: Db, authorization: string | null): Promise<ApiKeyPrincipal> {
  if (!authorization?.trim()) {
    throw new AppError("api_key_missing", "No API key provided. Send it as 'Authorization: Bearer sk_test_…'.");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const secret = match?.[1] ?? "";
  if (!parseApiKey(secret)) throw new AppError("api_key_invalid", "Invalid API key provided.");
  const key = await findActiveApiKeyByHash(db, hashApiKey(secret));
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
  return { apiKeyId: key.id, merchantId: key.merchantId, livemode: key.livemode };
}
