"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { signInSchema, signUpSchema } from "@/lib/accounts/schemas";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/config";
import { consumeSignUp } from "@/lib/auth/throttle";
import { getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import { echoValues, type FormState } from "@/lib/forms";
import { clientAddress } from "@/lib/http/client-address";
import { signUp } from "@/lib/services/sign-up";

const WRONG_CREDENTIALS = "Incorrect email or password.";
const TOO_MANY = "Too many failed attempts. Wait a few minutes, then try again.";
const TOO_MANY_SIGNUPS = "Too many accounts were created from your network recently. Try again later.";

/** Signs in with email and password, then goes back to where the visitor was headed. */
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };
  try {
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "too_many_attempts") return { message: TOO_MANY, values };
    if (error instanceof AuthError) return { message: WRONG_CREDENTIALS, values };
    throw error; // the redirect after a successful sign-in travels as an exception
  }
  return {};
}

/** Creates the account and its first business, then signs the new owner in. */
export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  const input = {
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
    businessName: String(formData.get("businessName") ?? ""),
    country: String(formData.get("country") ?? ""),
    currency: String(formData.get("currency") ?? ""),
  };
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };
  const env = getEnv();
  const db = await getDb();
  // Counted before the password is hashed: every attempt costs the server the same work.
  const gate = await consumeSignUp(db, clientAddress(await headers(), env.TRUSTED_PROXY_COUNT), {
    maxPerAddress: env.SIGNUP_MAX_PER_ADDRESS,
    windowSeconds: env.SIGNUP_WINDOW_SECONDS,
  });
  if (!gate.ok) return { fieldErrors: { form: TOO_MANY_SIGNUPS }, values };
  // From an invitation's link to this very address, the account joins that team in the same transaction (and
  // starts verified: the link was mailed to it). Otherwise it gets the verification email.
  const invitationToken = String(formData.get("invitation") ?? "") || undefined;
  try {
    await signUp(db, input, { appUrl: env.APP_URL, invitationToken });
  } catch (error) {
    if (isAppError(error)) return { fieldErrors: { [error.param ?? "form"]: error.message }, values };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/dashboard" });
  return {};
}
