import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findMembership } from "@/db/queries/memberships";
import { merchants } from "@/db/schema";
import { AppError } from "@/lib/core/errors";

/** Who turns a business into a platform: one of its members (only an owner may), or the operator (`npm run admin`). */
export type PlatformEnabler = { userId: string } | "operator";

export interface EnablePlatformParams {
  merchantId: string;
  by: PlatformEnabler;
}

/**
 * Makes a merchant a platform (API.md, "Platforms acting for their merchants"): its keys may then create
 * connected merchants and act for them. Idempotent: a platform stays one. A connected merchant cannot become
 * a platform itself (403 `forbidden`): a platform's merchants have no merchants of their own.
 */
export async function enablePlatform(db: Db, params: EnablePlatformParams): Promise<{ merchantId: string; platform: true }> {
  if (params.by !== "operator") {
    const membership = await findMembership(db, { userId: params.by.userId, merchantId: params.merchantId });
    if (!membership) throw new AppError("resource_missing", "No such merchant.");
    // Owners only, as for the team: a platform's keys reach every connected merchant's data.
    if (membership.role !== "owner") throw new AppError("forbidden", "Only an owner can make this business a platform.");
  }
  const [row] = await db.select({ platform: merchants.platform, platformId: merchants.platformId }).from(merchants).where(eq(merchants.id, params.merchantId)).limit(1);
  if (!row) throw new AppError("resource_missing", "No such merchant.", { param: "merchant" });
  // Never changes: a merchant is created connected or not, so this check cannot race the update below.
  if (row.platformId !== null) throw new AppError("forbidden", "A connected merchant cannot be a platform itself.", { param: "merchant" });
  if (!row.platform) await db.update(merchants).set({ platform: true, updatedAt: new Date() }).where(eq(merchants.id, params.merchantId));
  return { merchantId: params.merchantId, platform: true };
}
