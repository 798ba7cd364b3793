import { and, desc, eq, isNull } from "drizzle-orm";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import type { Db } from "../client";
import { apiKeys, type ApiKey } from "../schema";

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
