import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findConnectedMerchant } from "@/db/queries/connected-merchants";
import { merchants } from "@/db/schema";
import type { ServiceContext } from "@/lib/core/scope";
import { mergeMetadata } from "@/lib/links/rules";
import { updateConnectedMerchantSchema, type UpdateConnectedMerchantInput } from "@/lib/merchants/schemas";
import { toMerchantObject, type MerchantObject } from "@/lib/merchants/serialize";
import { noSuchConnectedMerchant, requirePlatform } from "./platform-guards";

/** Changes a connected merchant's name, contact email or metadata (merged, as a link's is). */
export async function updateConnectedMerchant(db: Db, ctx: ServiceContext, id: string, input: UpdateConnectedMerchantInput): Promise<MerchantObject> {
  const platform = await requirePlatform(db, ctx);
  const data = updateConnectedMerchantSchema.parse(input);
  return db.transaction(async (tx) => {
    // Row lock: concurrent metadata merges must not lose each other's keys.
    const current = await findConnectedMerchant(tx, platform, id, { lock: true });
    if (!current) throw noSuchConnectedMerchant(id);
    const changes: Partial<typeof merchants.$inferInsert> = {};
    if (data.name !== undefined) changes.name = data.name;
    if (data.email !== undefined) changes.email = data.email;
    if (data.metadata !== undefined) {
      changes.metadata = mergeMetadata(current.metadata, data.metadata, "merchant");
    }
    if (Object.keys(changes).length === 0) return toMerchantObject(current);
    const [row] = await tx.update(merchants).set({ ...changes, updatedAt: new Date() }).where(eq(merchants.id, current.id)).returning();
    return toMerchantObject(row!);
  });
}
