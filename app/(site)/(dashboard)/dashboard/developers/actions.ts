"use server";

import { revalidatePath } from "next/cache";
import type { CreateApiKeyState } from "@/components/dashboard/developers/types";
import { getDb } from "@/db";
import { can } from "@/lib/accounts/permissions";
import { isAppError } from "@/lib/core/errors";
import type { FormState } from "@/lib/forms";
import { getDashboardContext, type DashboardContext } from "@/lib/http/session";
import { createApiKey } from "@/lib/services/create-api-key";
import { revokeApiKey } from "@/lib/services/revoke-api-key";

const PAGE = "/dashboard/developers";
const NAME_MAX = 100;

/**
 * Whether the form still matches what the dashboard acts for: the business and the mode are cookies, which
 * another tab may have switched since the page was shown. Acting anyway would create a live key on a page
 * that said "test", or act on the wrong business.
 */
function staleForm(formData: FormData, { current, livemode }: DashboardContext): string | null {
  if (formData.get("merchantId") === current.merchant.id && formData.get("mode") === (livemode ? "live" : "test")) return null;
  return "This page is out of date: the business or the mode was switched in another tab. Reload the page and try again.";
}

export async function createApiKeyAction(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const context = await getDashboardContext();
  const { user, current, livemode } = context;
  if (!can(current.role, "manage_settings")) return { message: "Only an owner or admin can create API keys." };
  const stale = staleForm(formData, context);
  if (stale) return { message: stale };
  const name = String(formData.get("name") ?? "").trim();
  if (name.length > NAME_MAX) return { fieldErrors: { name: `Use at most ${NAME_MAX} characters.` }, values: { name } };

  let key;
  try {
    key = await createApiKey(await getDb(), { merchantId: current.merchant.id, livemode }, { name, createdBy: user.id });
  } catch (error) {
    if (isAppError(error)) return { message: error.message, values: { name } };
    throw error;
  }
  revalidatePath(PAGE);
  // The secret goes back to this one response and nowhere else: not stored, logged, or put in a URL.
  return { ok: true, created: { id: key.id, secret: key.secret, name: name || null, livemode: key.livemode } };
}

export async function revokeApiKeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const context = await getDashboardContext();
  const { current, livemode } = context;
  if (!can(current.role, "manage_settings")) return { message: "Only an owner or admin can revoke API keys." };
  const stale = staleForm(formData, context);
  if (stale) return { message: stale };
  try {
    await revokeApiKey(await getDb(), { merchantId: current.merchant.id, livemode }, String(formData.get("keyId") ?? ""));
  } catch (error) {
    if (isAppError(error)) return { message: "This key is already revoked. Reload the page to see the current list." };
    throw error;
  }
  revalidatePath(PAGE);
  return { ok: true, message: "Key revoked." };
}
