import type { Db } from "@/db/client";
import { findConnectedMerchant } from "@/db/queries/connected-merchants";
import type { ServiceContext } from "@/lib/core/scope";
import { toMerchantObject, type MerchantObject } from "@/lib/merchants/serialize";
import { noSuchConnectedMerchant, requirePlatform } from "./platform-guards";

/** One of the platform's connected merchants in the key's mode. */
export async function getConnectedMerchant(db: Db, ctx: ServiceContext, id: string): Promise<MerchantObject> {
  const platform = await requirePlatform(db, ctx);
  const row = await findConnectedMerchant(db, platform, id);
  if (!row) throw noSuchConnectedMerchant(id);
  return toMerchantObject(row);
}
