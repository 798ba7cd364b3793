import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchants } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";

/** Who a request acts for: its key's merchant, or the connected merchant its platform names. */
export interface ActingScope extends MerchantScope {
  /** Set when a platform's key acts for one of its connected merchants (`Paylink-Merchant`): the platform. */
  actingPlatformId?: string;
}

const ID = /^mch_[0-9A-Za-z]{1,64}$/;

/**
 * The scope of a request that sent `Paylink-Merchant: mch_…` with a key of `principal`'s merchant: exactly the
 * connected merchant's own (its id, the key's mode), as if its own key had been used. A key whose business is not
 * a platform is refused (403 forbidden); a merchant that is not this platform's in this mode does not exist for
 * it (404 resource_missing, the same whether it exists elsewhere or not). The platform naming itself acts as
 * itself. One query: the key's merchant and the named one together.
 */
export async function resolveActingMerchant(db: Db, principal: MerchantScope, header: string): Promise<ActingScope> {
  const named = header.trim();
  const ids = ID.test(named) ? [principal.merchantId, named] : [principal.merchantId];
  const rows = await db
    .select({ id: merchants.id, platform: merchants.platform, platformId: merchants.platformId, connectedLivemode: merchants.connectedLivemode })
    .from(merchants)
    .where(inArray(merchants.id, ids));
  if (!rows.find((row) => row.id === principal.merchantId)?.platform) {
    throw new AppError("forbidden", "Paylink-Merchant acts for a platform's connected merchants: this key's business is not a platform.");
  }
  if (named === principal.merchantId) return { merchantId: principal.merchantId, livemode: principal.livemode };
  const connected = rows.find((row) => row.id === named && row.platformId === principal.merchantId && row.connectedLivemode === principal.livemode);
  if (!connected) throw new AppError("resource_missing", `No such connected merchant: '${named.slice(0, 80)}'.`);
  return { merchantId: connected.id, livemode: principal.livemode, actingPlatformId: principal.merchantId };
}
