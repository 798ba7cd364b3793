"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { isAppError } from "@/lib/core/errors";
import { getDashboardContext } from "@/lib/http/session";
import { enablePlatform } from "@/lib/services/enable-platform";

/** Settings → Platform: a plain form post (it works without JavaScript); the page shows the outcome. */
export async function enablePlatformAction(formData: FormData) {
  const { user, current } = await getDashboardContext();
  // The business the page showed: if another tab switched businesses since, do nothing rather than change the other.
  if (formData.get("merchantId") !== current.merchant.id) return;
  await enablePlatform(await getDb(), { merchantId: current.merchant.id, by: { userId: user.id } }).catch((error: unknown) => {
    // Not an owner, or a connected merchant: the service refused, and the page, reloaded, shows why.
    if (!isAppError(error)) throw error;
  });
  revalidatePath("/dashboard/settings");
}
