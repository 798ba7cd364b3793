import { and, desc, eq, isNull } from "drizzle-orm";
import type { MerchantScope } from "@/lib/services/scope";
import type { Db } from "../client";
import { apiKeys, type ApiKey } from "../schema";

/** The merchant's keys in one mode, newest first, revoked ones included (the dashboard shows them struck out). */
export async function listApiKeys(db: Db, scope: MerchantScope): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.merchantId, scope.merchantId), eq(apiKeys.livemode, scope.livemode)))
    .orderBy(desc(apiKeys.createdAt));
}

export async function findActiveApiKeyByHash(db: Db, hash: string): Promise<ApiKey | null> {
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt))).limit(1);
  return row ?? null;
}
