import type { Db } from "@/db/client";
import { listConnectedMerchants as queryConnected } from "@/db/queries/connected-merchants";
import type { ListResult } from "@/lib/core/list-params";
import type { ServiceContext } from "@/lib/core/scope";
import { listConnectedMerchantsSchema } from "@/lib/merchants/schemas";
import { toMerchantObject, type MerchantObject } from "@/lib/merchants/serialize";
import { requirePlatform } from "./platform-guards";

/** A page of the platform's connected merchants in the key's mode, newest first (query parameters as strings). */
export async function listConnectedMerchants(db: Db, ctx: ServiceContext, params: Record<string, string>): Promise<ListResult<MerchantObject>> {
  const platform = await requirePlatform(db, ctx);
  const p = listConnectedMerchantsSchema.parse(params);
  const { rows, hasMore } = await queryConnected(db, platform, { limit: p.limit, startingAfter: p.starting_after });
  return { object: "list", url: "/api/v1/merchants", data: rows.map(toMerchantObject), has_more: hasMore };
}
