import type { Db } from "@/db/client";
import { memberships, merchants } from "@/db/schema";
import { newBusinessSchema, type NewBusinessInput } from "@/lib/accounts/schemas";
import { newId } from "@/lib/core/ids";

/** Adds another business for an existing user, who becomes its owner. */
export async function createMerchant(db: Db, params: { userId: string }, input: NewBusinessInput) {
  const data = newBusinessSchema.parse(input);
  const merchantId = newId("merchant");
  await db.transaction(async (tx) => {
    await tx.insert(merchants).values({
      id: merchantId,
      name: data.businessName,
      country: data.country,
      defaultCurrency: data.currency,
    });
    await tx.insert(memberships).values({ userId: params.userId, merchantId, role: "owner" });
  });
  return { merchantId };
}
