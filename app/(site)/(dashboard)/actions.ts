"use server";

import { accountEmailBase } from "@/lib/http/account-email-base";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { findMembership } from "@/db/queries/memberships";
import { merchantSettingsSchema, newBusinessSchema } from "@/lib/accounts/schemas";
import { signOut } from "@/lib/auth";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import { echoValues, type FormState } from "@/lib/forms";
import { getDashboardContext, getSessionContext, MERCHANT_COOKIE, MODE_COOKIE } from "@/lib/http/session";
import { createMerchant } from "@/lib/services/create-merchant";
import { inviteMember, revokeInvitation } from "@/lib/services/invitations";
import { resendVerification } from "@/lib/services/account-emails";
import { changeMemberRole } from "@/lib/services/change-member-role";
import { removeMember } from "@/lib/services/remove-member";
import { updateMerchantSettings } from "@/lib/services/update-merchant-settings";

const COOKIE = { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 } as const;

export async function signOutAction() {
  await signOut({ redirectTo: "/signin" });
}

/** Makes another of the user's merchants the one the dashboard acts for. */
export async function switchMerchantAction(formData: FormData) {
  const { user } = await getSessionContext();
  const merchantId = String(formData.get("merchantId") ?? "");
  // Only a merchant the user belongs to can be selected; anything else is ignored.
  if (await findMembership(await getDb(), { userId: user.id, merchantId })) {
    (await cookies()).set(MERCHANT_COOKIE, merchantId, COOKIE);
  }
  redirect("/dashboard");
}

/**
 * Switches the dashboard between test and live mode. Live mode waits for a confirmed email address (the issue's
 * "until verified the user can work in test mode"): refused with the reason, and the dashboard stays in test mode.
 */
export async function setModeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await getSessionContext();
  const live = formData.get("mode") === "live";
  if (live && !user.emailVerified) {
    return { message: "Confirm your email address before switching to live mode: use the link we emailed you, or send it again from the banner above." };
  }
  (await cookies()).set(MODE_COOKIE, live ? "live" : "test", COOKIE);
  redirect("/dashboard");
}

export async function createBusinessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await getSessionContext();
  const values = echoValues(formData);
  const input = {
    businessName: String(formData.get("businessName") ?? ""),
    country: String(formData.get("country") ?? ""),
    currency: String(formData.get("currency") ?? ""),
  };
  const parsed = newBusinessSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };
  const { merchantId } = await createMerchant(await getDb(), { userId: user.id }, input);
  (await cookies()).set(MERCHANT_COOKIE, merchantId, COOKIE);
  redirect("/dashboard");
}

export async function updateSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, current } = await getDashboardContext();
  // An unticked checkbox sends nothing: say "" so the form shows it unticked again.
  const values = { ...echoValues(formData), sendReceipts: formData.get("sendReceipts") === "on" ? "on" : "" };
  const input = {
    businessName: String(formData.get("businessName") ?? ""),
    country: String(formData.get("country") ?? ""),
    currency: String(formData.get("currency") ?? ""),
    brandColor: String(formData.get("brandColor") ?? ""),
    logoUrl: String(formData.get("logoUrl") ?? ""),
    sendReceipts: values.sendReceipts === "on",
  };
  // Parsed here only to show field errors on the form; the service validates the same input itself.
  const parsed = merchantSettingsSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };
  try {
    await updateMerchantSettings(await getDb(), { userId: user.id, merchantId: current.merchant.id }, input);
  } catch (error) {
    if (isAppError(error)) return { message: error.message, values };
    throw error;
  }
  // The business name shows in the header and switcher too.
  revalidatePath("/dashboard", "layout");
  return { ok: true, message: "Settings saved.", values };
}


/** Emails an invitation; the person joins when they accept it. */
export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, current } = await getDashboardContext();
  const values = echoValues(formData);
  let email: string;
  try {
    ({ email } = await inviteMember(await getDb(), { userId: user.id, merchantId: current.merchant.id }, { email: String(formData.get("email") ?? ""), role: String(formData.get("role") ?? "") }, await accountEmailBase()));
  } catch (error) {
    // The form shows a refusal under its email input (the role is a select of valid choices): the first issue.
    if (error instanceof ZodError) return { fieldErrors: fieldErrors(error, { field: () => "email" }), values };
    if (isAppError(error)) return { fieldErrors: { email: error.message }, values };
    throw error;
  }
  revalidatePath("/dashboard/settings");
  return { ok: true, message: `Invitation sent to ${email}. They join when they accept it.` };
}

export async function revokeInvitationAction(formData: FormData) {
  const { user, current } = await getDashboardContext();
  await revokeInvitation(await getDb(), { userId: user.id, merchantId: current.merchant.id }, String(formData.get("invitationId") ?? "")).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
  revalidatePath("/dashboard/settings");
}

/** "Send the confirmation link again", from the banner of an unverified account. */
export async function resendVerificationAction(): Promise<FormState> {
  const { user } = await getSessionContext();
  try {
    const outcome = await resendVerification(await getDb(), user.id, await accountEmailBase());
    return { ok: true, message: outcome === "sent" ? `We sent a new link to ${user.email}.` : "Your address is already confirmed." };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

/** Changes a member's role or removes them, depending on the button pressed. */
export async function updateMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, current } = await getDashboardContext();
  const actor = { userId: user.id, merchantId: current.merchant.id };
  const target = String(formData.get("userId") ?? "");
  const removing = formData.get("intent") === "remove";
  let keysLeft = 0;
  try {
    if (removing) keysLeft = (await removeMember(await getDb(), actor, { userId: target })).apiKeys.length;
    else await changeMemberRole(await getDb(), actor, { userId: target, role: String(formData.get("role") ?? "") });
  } catch (error) {
    if (isAppError(error) || error instanceof ZodError) return { message: isAppError(error) ? error.message : "Choose a role." };
    throw error;
  }
  revalidatePath("/dashboard/settings");
  // Keys the removed member created still work: the page lists them and offers to roll them.
  if (keysLeft > 0) redirect(`/dashboard/settings?removed=${encodeURIComponent(target)}#team-heading`);
  return { ok: true };
}
