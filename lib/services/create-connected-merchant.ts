import type { Db } from "@/db/client";
import { merchants } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import type { ServiceContext } from "@/lib/core/scope";
import { createConnectedMerchantSchema, type CreateConnectedMerchantInput } from "@/lib/merchants/schemas";
import { toMerchantObject, type MerchantObject } from "@/lib/merchants/serialize";
import { requirePlatform } from "./platform-guards";

/**
 * A new connected merchant of the platform `ctx` speaks for, in the key's mode: the platform then acts for it
 * with `Paylink-Merchant`, in that mode only. It has no members until the platform invites someone, and no event
 * is recorded (the contract names no merchant events). Callers take the platform's hourly quota first
 * (`consumeConnectedMerchantCreation`, CONNECTED_MERCHANTS_MAX_PER_HOUR): the API route before its Idempotency-Key,
 * so a 429 is never stored as the key's answer, which it would be if it were thrown from here.
 */
export async function createConnectedMerchant(db: Db, ctx: ServiceContext, input: CreateConnectedMerchantInput): Promise<MerchantObject> {
  const platform = await requirePlatform(db, ctx);
  const data = createConnectedMerchantSchema.parse(input);
  const [row] = await db
    .insert(merchants)
    .values({
      id: newId("merchant"),
      name: data.name,
      country: data.country,
      defaultCurrency: data.default_currency,
      email: data.email ?? null,
      metadata: data.metadata ?? {},
      platformId: platform.merchantId,
      connectedLivemode: platform.livemode,
    })
    .returning();
  return toMerchantObject(row!);
}
