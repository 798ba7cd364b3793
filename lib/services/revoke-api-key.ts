import type { Db } from "@/db/client";
import { revokeActiveApiKey } from "@/db/queries/api-keys";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";

/** Revokes a key at once: the next request made with it is refused. */
export async function revokeApiKey(db: Db, scope: MerchantScope, id: string): Promise<void> {
  const revoked = await revokeActiveApiKey(db, scope, id);
  if (!revoked) throw new AppError("resource_missing", "No such active API key.");
}
