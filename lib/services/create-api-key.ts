import type { Db } from "@/db/client";
import { countActiveApiKeys } from "@/db/queries/api-keys";
import { apiKeys } from "@/db/schema";
import { generateApiKey } from "@/lib/api-keys";
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
