import type { Db } from "@/db/client";
import { revokeActiveApiKey } from "@/db/queries/api-keys";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";
import { createApiKey } from "./create-api-key";

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
