import type { Db } from "@/db/client";
import { countActiveApiKeys } from "@/db/queries/api-keys";
import { apiKeys } from "@/db/schema";
import { generateApiKey } from "@/lib/api-keys";
import { newId } from "@/lib/core/ids";
import { findUserById } from "@/db/queries/users";
import { AppError } from "@/lib/core/errors";
import { QUOTAS, withinQuota } from "./quota";
import type { MerchantScope } from "@/lib/core/scope";

/**
 * Creates a secret key; the returned `secret` is the only time the whole key exists outside the client. A
 * person creating a live key must have confirmed their email address (operators' keys name no person).
 */
export async function createApiKey(db: Db, scope: MerchantScope, input: { name?: string | null; createdBy?: string | null } = {}) {
  if (scope.livemode && input.createdBy) {
    const user = await findUserById(db, input.createdBy);
    if (!user?.emailVerifiedAt) throw new AppError("forbidden", "Confirm your email address before creating live keys: use the link we emailed you, or send it again from the banner above.");
  }
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
