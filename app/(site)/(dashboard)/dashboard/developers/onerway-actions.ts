"use server";

import { revalidatePath } from "next/cache";
import type { CreateOnerwayKeyState } from "@/components/dashboard/developers/onerway/types";
import { getDb } from "@/db";
import { can } from "@/lib/accounts/permissions";
import { getEnv } from "@/lib/core/env";
import type { MerchantScope } from "@/lib/core/scope";
import type { FormState } from "@/lib/forms";
import { getDashboardContext, type DashboardContext } from "@/lib/http/session";
import { createOnerwayCredentials, revokeOnerwayKey } from "@/lib/services/onerway-credentials";
import { staleFormMessage } from "../orders/context";

// The Onerway-compatible API's secret key (Developers page): the same permission as API keys, for the
// business and mode the page showed.

const PAGE = "/dashboard/developers";

/** The scope to act for, or why not: the member may manage keys, and the form is not stale. */
function authorize(formData: FormData, { current, livemode }: DashboardContext, verb: string): { scope: MerchantScope } | { refused: string } {
  if (!can(current.role, "manage_settings")) return { refused: `Only an owner or admin can ${verb} the Onerway-compatible secret key.` };
  const scope = { merchantId: current.merchant.id, livemode };
  const stale = staleFormMessage(formData, scope);
  return stale ? { refused: stale } : { scope };
}

/** Creates the mode's secret key, or rolls it: a new one replaces the old at once. */
export async function createOnerwayKeyAction(_previous: CreateOnerwayKeyState, formData: FormData): Promise<CreateOnerwayKeyState> {
  const context = await getDashboardContext();
  const allowed = authorize(formData, context, "create or roll");
  if ("refused" in allowed) return { message: allowed.refused };
  // As for live API keys (createApiKey): the person creating a live key has confirmed their email address.
  if (allowed.scope.livemode && !context.user.emailVerified) {
    return { message: "Confirm your email address before creating live keys: use the link we emailed you, or send it again from the banner above." };
  }
  const created = await createOnerwayCredentials(await getDb(), allowed.scope, getEnv().AUTH_SECRET);
  revalidatePath(PAGE);
  // The key goes back to this one response and nowhere else: not logged, or put in a URL.
  return { ok: true, created: { merchantNo: created.merchant_no, secretKey: created.secret_key, livemode: created.livemode } };
}

export async function revokeOnerwayKeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const allowed = authorize(formData, await getDashboardContext(), "revoke");
  if ("refused" in allowed) return { message: allowed.refused };
  const revoked = await revokeOnerwayKey(await getDb(), allowed.scope);
  revalidatePath(PAGE);
  // Gone either way (another tab may have been first): the page then offers to create a new key.
  return { ok: true, message: revoked ? "Secret key revoked: requests signed with it are refused." : "This secret key was already revoked." };
}
