import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findMembership } from "@/db/queries/memberships";
import { merchants } from "@/db/schema";
import { can } from "@/lib/accounts/permissions";
import { merchantSettingsSchema, type MerchantSettingsInput } from "@/lib/accounts/schemas";
import { AppError } from "@/lib/core/errors";

/** Edits a merchant's profile; only its owners and admins may. */
export async function updateMerchantSettings(
  db: Db,
  params: { userId: string; merchantId: string },
  input: MerchantSettingsInput,
) {
  const membership = await findMembership(db, params);
  if (!membership) throw new AppError("resource_missing", "No such merchant.");
  if (!can(membership.role, "manage_settings")) {
    throw new AppError("forbidden", "Only an owner or admin can change the settings.");
  }
  const data = merchantSettingsSchema.parse(input);
  const [updated] = await db
    .update(merchants)
    .set({
      name: data.businessName,
      country: data.country,
      defaultCurrency: data.currency,
      brandColor: data.brandColor,
      logoUrl: data.logoUrl,
      ...(data.sendReceipts === undefined ? {} : { sendReceipts: data.sendReceipts }),
      updatedAt: new Date(),
    })
    .where(eq(merchants.id, params.merchantId))
    .returning();
  return updated!;
}
