import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchants } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope, ServiceContext } from "@/lib/core/scope";

// What every connected-merchant service checks first: the caller is a platform, speaking for itself.

/**
 * The platform's scope (its id, the key's mode), or 403 `forbidden`: for a merchant that is not a platform, and
 * for a platform acting for a connected merchant (`Paylink-Merchant`) — that request is the connected
 * merchant's, and a connected merchant has no merchants of its own (no grandchildren).
 */
export async function requirePlatform(db: Db, ctx: ServiceContext): Promise<MerchantScope> {
  if (ctx.actingPlatformId) {
    throw new AppError("forbidden", "A connected merchant has no merchants of its own: manage your connected merchants without Paylink-Merchant.");
  }
  const [row] = await db.select({ platform: merchants.platform }).from(merchants).where(eq(merchants.id, ctx.merchantId)).limit(1);
  if (!row?.platform) {
    throw new AppError("forbidden", "Only a platform has connected merchants: this business is not a platform. An owner can make it one in Settings.");
  }
  return { merchantId: ctx.merchantId, livemode: ctx.livemode };
}

/** Every "not yours" reads alike: another platform's merchant, one of the other mode, and an unknown id. */
export function noSuchConnectedMerchant(id: string): AppError {
  return new AppError("resource_missing", `No such merchant: '${id}'.`, { param: "id" });
}
