"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import { echoValues, type FormState } from "@/lib/forms";
import { accountEmailBase } from "@/lib/http/account-email-base";
import { RateLimitedError } from "@/lib/http/errors";
import { consumeConnectedMerchantCreation } from "@/lib/http/rate-limit";
import { createConnectedMerchantSchema } from "@/lib/merchants/schemas";
import { createConnectedMerchant } from "@/lib/services/create-connected-merchant";
import { inviteToConnectedMerchant } from "@/lib/services/invite-to-connected-merchant";
import { getPlatformContext, staleConnectedFormMessage } from "./context";

/** The create form: the new connected merchant's page is next, where its people are invited. */
export async function createConnectedMerchantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  const stale = await staleConnectedFormMessage(formData);
  if (stale) return { message: stale, values };
  const { ctx, canCreate } = await getPlatformContext();
  if (!canCreate) return { message: "Only an owner or admin can create connected merchants.", values };
  const email = String(formData.get("email") ?? "").trim();
  const input = {
    name: String(formData.get("name") ?? ""),
    country: String(formData.get("country") ?? ""),
    default_currency: String(formData.get("default_currency") ?? ""),
    // An empty box means no address, not an invalid one.
    ...(email ? { email } : {}),
  };
  // Parsed here only to show field errors on the form; the service validates the same input itself.
  const parsed = createConnectedMerchantSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };
  // The API's quota (CONNECTED_MERCHANTS_MAX_PER_HOUR), counted only once the form is valid.
  const perHour = getEnv().CONNECTED_MERCHANTS_MAX_PER_HOUR;
  let id: string;
  try {
    const db = await getDb();
    await consumeConnectedMerchantCreation(db, ctx, perHour);
    ({ id } = await createConnectedMerchant(db, ctx, input));
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return { message: `Your platform has created ${perHour} connected merchants in this mode within the hour, the most allowed. Try again in ${Math.ceil(error.retryAfterSeconds / 60)} minutes.`, values };
    }
    if (isAppError(error)) return { message: error.message, values };
    throw error;
  }
  revalidatePath("/dashboard/connected");
  redirect(`/dashboard/connected/${id}`);
}

/** Emails an invitation to one of the platform's connected merchants; the person joins that merchant only. */
export async function inviteToConnectedMerchantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  const stale = await staleConnectedFormMessage(formData);
  if (stale) return { message: stale, values };
  const { ctx, userId } = await getPlatformContext();
  // `merchantId` is the dashboard's business (the stale-form check's); the connected merchant has its own field.
  const merchantId = String(formData.get("connectedMerchantId") ?? "");
  let email: string;
  try {
    ({ email } = await inviteToConnectedMerchant(
      await getDb(),
      { userId, platformId: ctx.merchantId, livemode: ctx.livemode },
      { merchantId, email: String(formData.get("email") ?? ""), role: String(formData.get("role") ?? "") },
      await accountEmailBase(),
    ));
  } catch (error) {
    // As in Settings: a refusal shows under the email input (the role is a select of valid choices).
    if (error instanceof ZodError) return { fieldErrors: fieldErrors(error, { field: () => "email" }), values };
    if (isAppError(error)) return { fieldErrors: { email: error.message }, values };
    throw error;
  }
  revalidatePath(`/dashboard/connected/${merchantId}`);
  return { ok: true, message: `Invitation sent to ${email}. They join when they accept it.` };
}
