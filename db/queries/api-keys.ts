import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import { builtOnce } from "../built-once";
import type { Db } from "../client";
import { apiKeys, apiRateLimits, type ApiKey } from "../schema";

/** The merchant's keys in one mode, newest first, revoked ones included (the dashboard shows them struck out). */
export async function listApiKeys(db: Db, scope: MerchantScope): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(whereScope(apiKeys, scope))
    .orderBy(desc(apiKeys.createdAt));
}

/** How many keys of the merchant's in one mode still work (the quota counts these). */
export async function countActiveApiKeys(db: Db, scope: MerchantScope): Promise<number> {
  return db.$count(apiKeys, and(whereScope(apiKeys, scope), isNull(apiKeys.revokedAt)));
}

/** Revokes one of the merchant's active keys at once; null when the scope has no such active key. */
export async function revokeActiveApiKey(db: Db, scope: MerchantScope, id: string): Promise<Pick<ApiKey, "id" | "name"> | null> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(whereScope(apiKeys, scope), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name });
  return row ?? null;
}

/** The statement behind findActiveApiKeyByHashCounting, built once (db/built-once.ts): every API request runs it. */
const keyCountingStatement = builtOnce((db) => {
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  const next = sql`${sql.placeholder("next")}::timestamptz`;
  const counted = db.$with("counted").as(
    db
      .insert(apiRateLimits)
      .select(
        db
          .select({ key: sql<string>`${sql.placeholder("keyPrefix")}::text || ${apiKeys.id}`.as("key"), points: sql<number>`1`.as("points"), expire: sql<Date>`${next}`.as("expire") })
          .from(apiKeys)
          .where(and(eq(apiKeys.secretHash, sql.placeholder("hash")), isNull(apiKeys.revokedAt))),
      )
      .onConflictDoUpdate({
        target: apiRateLimits.key,
        set: {
          points: sql`case when ${apiRateLimits.expire} <= ${now} then 1 else ${apiRateLimits.points} + 1 end`,
          expire: sql`case when ${apiRateLimits.expire} <= ${now} then ${next} else ${apiRateLimits.expire} end`,
        },
      })
      .returning({ points: apiRateLimits.points, expire: apiRateLimits.expire }),
  );
  return db
    .with(counted)
    .select({ key: apiKeys, points: counted.points, expire: counted.expire })
    .from(apiKeys)
    .crossJoin(counted)
    .where(and(eq(apiKeys.secretHash, sql.placeholder("hash")), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare("api_key_counting");
});

/**
 * The active key with this hash, and the request counted on its rate-limit row (`${prefix}:${key id}` in
 * api_rate_limits) in the same statement: the fixed window rate-limiter-flexible keeps there (a new window of
 * `windowMs` once the last one expired, else one more point), so both write the same counters. On the pool.
 */
export async function findActiveApiKeyByHashCounting(db: Db, hash: string, limit: { prefix: string; windowMs: number }): Promise<(ApiKey & { points: number; expire: Date }) | null> {
  // As ISO text: postgres.js binds a Date only where it knows the column's type, not inside an expression.
  const nowMs = Date.now();
  const next = new Date(nowMs + limit.windowMs).toISOString();
  const [row] = await keyCountingStatement(db).execute({ hash, keyPrefix: `${limit.prefix}:`, now: new Date(nowMs).toISOString(), next });
  return row ? { ...row.key, points: Number(row.points), expire: new Date(row.expire ?? next) } : null;
}

export async function findActiveApiKeyByHash(db: Db, hash: string): Promise<ApiKey | null> {
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt))).limit(1);
  return row ?? null;
}

/**
 * The active keys a person created at a merchant, in both modes: what someone leaving the team may still
 * hold. Team-level on purpose (the owner decides about both modes at once); still one merchant's keys only.
 */
export async function listActiveApiKeysCreatedBy(db: Db, params: { merchantId: string; userId: string }): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.merchantId, params.merchantId), eq(apiKeys.createdBy, params.userId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.livemode), desc(apiKeys.createdAt));
}
