"use server";

import { headers } from "next/headers";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { signInThrottleOptions } from "@/lib/auth/throttle";
import { getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import type { FormState } from "@/lib/forms";
import { clientAddress } from "@/lib/http/client-address";
import { getSessionContext } from "@/lib/http/session";
import { changePassword } from "@/lib/services/change-password";

/** Settings → Your account: a new password; every other browser signed in as this user is signed out. */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, sessionId } = await getSessionContext();
  const env = getEnv();
  const input = {
    currentPassword: String(formData.get("currentPassword") ?? ""),
    newPassword: String(formData.get("newPassword") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
  let ended: number;
  try {
    ({ endedSessions: ended } = await changePassword(
      await getDb(),
      { userId: user.id, sessionId, clientIp: clientAddress(await headers(), env.TRUSTED_PROXY_COUNT) },
      input,
      signInThrottleOptions(env),
    ));
  } catch (error) {
    // Passwords are never sent back to the form.
    if (error instanceof ZodError) return { fieldErrors: fieldErrors(error) };
    if (isAppError(error)) return error.param ? { fieldErrors: { [error.param]: error.message } } : { message: error.message };
    throw error;
  }
  const elsewhere = ended === 0 ? "" : ended === 1 ? " One other session was signed out." : ` ${ended} other sessions were signed out.`;
  return { ok: true, message: `Password changed.${elsewhere}` };
}
