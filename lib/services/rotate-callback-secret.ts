import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findMembership } from "@/db/queries/memberships";
import { merchants } from "@/db/schema";
import { can } from "@/lib/accounts/permissions";
import { AppError } from "@/lib/core/errors";
import { newWebhookSecret } from "@/lib/webhooks/signing";

export interface RotateCallbackSecretParams {
  userId: string;
  merchantId: string;
  /** Which mode's secret: each mode has its own. */
  livemode: boolean;
}

/**
 * Replaces the key that signs the status_callback_url deliveries of one mode; only the merchant's owners and
 * admins may. The answer alone carries the new secret: it is never shown again. There is no overlap: every
 * delivery of that mode from now on, retries of earlier ones included, is signed with the new key only.
 */
export async function rotateCallbackSecret(db: Db, params: RotateCallbackSecretParams): Promise<{ secret: string }> {
  const membership = await findMembership(db, params);
  if (!membership) throw new AppError("resource_missing", "No such merchant.");
  if (!can(membership.role, "manage_settings")) throw new AppError("forbidden", "Only an owner or admin can rotate the callback secret.");
  const [row] = await db
    .update(merchants)
    .set({ [params.livemode ? "callbackSecretLive" : "callbackSecretTest"]: newWebhookSecret(), updatedAt: sql`now()` })
    .where(eq(merchants.id, params.merchantId))
    .returning({ secret: params.livemode ? merchants.callbackSecretLive : merchants.callbackSecretTest });
  if (!row) throw new AppError("resource_missing", "No such merchant.");
  return { secret: row.secret };
}
