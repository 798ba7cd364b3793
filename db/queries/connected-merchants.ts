import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { toPage, type Page } from "@/lib/core/list-params";
import type { MerchantScope } from "@/lib/core/scope";
import type { Db } from "../client";
import { merchants, type Merchant } from "../schema";

// A platform's connected merchants (API.md, "Platforms acting for their merchants"). The platform's scope
// plays the part whereScope plays for other data: a connected merchant belongs to one platform and to the mode
// it was created in, so another platform's merchant, or one of the other mode, is found by none of these.

function whereConnected(platform: MerchantScope): SQL {
  return and(eq(merchants.platformId, platform.merchantId), eq(merchants.connectedLivemode, platform.livemode))!;
}

/** One of the platform's connected merchants in its mode; `lock` holds its row for the rest of the transaction. */
export async function findConnectedMerchant(db: Db, platform: MerchantScope, id: string, options: { lock?: boolean } = {}): Promise<Merchant | null> {
  const query = db.select().from(merchants).where(and(whereConnected(platform), eq(merchants.id, id)));
  const [row] = options.lock ? await query.for("update") : await query.limit(1);
  return row ?? null;
}

/** A page of the platform's connected merchants in its mode, newest first (ids sort by creation). */
export async function listConnectedMerchants(db: Db, platform: MerchantScope, params: { limit: number; startingAfter?: string }): Promise<Page<Merchant>> {
  const rows = await db
    .select()
    .from(merchants)
    .where(and(whereConnected(platform), params.startingAfter ? lt(merchants.id, params.startingAfter) : undefined))
    .orderBy(desc(merchants.id))
    .limit(params.limit + 1);
  return toPage(rows, params.limit);
}
