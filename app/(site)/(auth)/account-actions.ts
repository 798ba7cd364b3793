"use server";

import { accountEmailBase } from "@/lib/http/account-email-base";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { auth } from "@/lib/auth";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import { echoValues, type FormState } from "@/lib/forms";
import { emailSchema } from "@/lib/accounts/schemas";
import { MERCHANT_COOKIE } from "@/lib/http/session";
import { requestPasswordReset, resetPassword, verifyEmail } from "@/lib/services/account-emails";
import { acceptInvitation } from "@/lib/services/invitations";

// The account pages reached from emails: forgot and reset password, confirm the address, accept an invitation.


/** Always the same answer, whether or not an account uses the address. */
export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  const email = emailSchema.safeParse(formData.get("email") ?? "");
  if (!email.success) return { fieldErrors: { email: "Enter the email address you sign in with." }, values };
  try {
    await requestPasswordReset(await getDb(), email.data, await accountEmailBase());
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") return { message: error.message, values };
    throw error;
  }
  return { ok: true, message: "If a Paylink account uses that address, we have emailed it a link to choose a new password. The link works for one hour.", values };
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "");
  const password = String(formData.get("password") ?? "");
  if (password !== String(formData.get("confirm") ?? "")) return { fieldErrors: { confirm: "The two passwords differ." } };
  try {
    await resetPassword(await getDb(), token, password);
  } catch (error) {
    if (error instanceof ZodError) return { fieldErrors: { password: fieldErrors(error).newPassword ?? fieldErrors(error).form ?? "Choose a longer password." } };
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
  redirect("/signin?reset=1");
}

export async function verifyEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const { email } = await verifyEmail(await getDb(), String(formData.get("token") ?? ""));
    return { ok: true, message: `${email} is confirmed. Live mode and other teams are open to you now.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "");
  const session = await auth();
  if (!session?.user?.id) redirect(`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`);
  let merchantId: string;
  try {
    ({ merchantId } = await acceptInvitation(await getDb(), token, session.user.id));
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
  (await cookies()).set(MERCHANT_COOKIE, merchantId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  redirect("/dashboard");
}
