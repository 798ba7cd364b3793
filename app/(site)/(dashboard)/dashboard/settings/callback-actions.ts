"use server";

import { revalidatePath } from "next/cache";
import type { SecretState } from "@/components/dashboard/webhooks/types";
import { getDb } from "@/db";
import { can } from "@/lib/accounts/permissions";
import { isAppError } from "@/lib/core/errors";
import { getDashboardContext } from "@/lib/http/session";
import { rotateCallbackSecret } from "@/lib/services/rotate-callback-secret";

export async function rotateCallbackSecretAction(_previous: SecretState, formData: FormData): Promise<SecretState> {
  const { user, current, livemode } = await getDashboardContext();
  if (!can(current.role, "manage_settings")) return { message: "Only an owner or admin can roll the callback secret." };
  // One secret per business and mode: both must still be the ones the page showed (another tab may have switched them).
  if (formData.get("merchantId") !== current.merchant.id || formData.get("mode") !== (livemode ? "live" : "test")) {
    return { message: "This page is out of date: the business or the mode was switched in another tab. Reload the page and try again." };
  }
  let rotated;
  try {
    rotated = await rotateCallbackSecret(await getDb(), { userId: user.id, merchantId: current.merchant.id, livemode });
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
  revalidatePath("/dashboard/settings");
  // The secret goes back to this one response: not logged, not put in a URL.
  return { ok: true, secret: { id: current.merchant.id, value: rotated.secret } };
}
