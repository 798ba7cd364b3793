"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { can } from "@/lib/accounts/permissions";
import { getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import type { FormState } from "@/lib/forms";
import { RateLimitedError } from "@/lib/http/errors";
import { consumeBuyerSend } from "@/lib/http/rate-limit";
import { getDashboardContext } from "@/lib/http/session";
import { configuredProcessors } from "@/lib/processor";
import { sendOrder, sendPaymentLink } from "@/lib/services/send-payment-request";
import { staleFormMessage } from "../orders/context";

const ID = /^(plink|ord)_[0-9A-Za-z]+$/;

/**
 * The Send dialog of a link's or an order's page: the same service as POST …/send, then back to the page,
 * where the Messages section shows the new message. A refusal (a bad address, a closed link) is shown in the
 * dialog with what was typed kept.
 */
export async function sendToBuyerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { current, livemode } = await getDashboardContext();
  const values = { channel: String(formData.get("channel") ?? ""), to: String(formData.get("to") ?? "") };
  if (!can(current.role, "write")) return { message: "Only an owner or admin can send links and orders.", values };
  const ctx = { merchantId: current.merchant.id, livemode, appUrl: getEnv().APP_URL, processors: configuredProcessors() };
  const stale = staleFormMessage(formData, ctx);
  if (stale) return { message: stale, values };
  const target = formData.get("target") === "order" ? "order" : "link";
  const id = String(formData.get("id") ?? "");
  if (!ID.test(id)) return { message: "Nothing to send: reload the page and try again.", values };
  try {
    const db = await getDb();
    await consumeBuyerSend(db, ctx, getEnv().SEND_MAX_PER_HOUR);
    if (target === "order") await sendOrder(db, ctx, id, values);
    else await sendPaymentLink(db, ctx, id, values);
  } catch (error) {
    if (error instanceof ZodError) return { fieldErrors: fieldErrors(error), values };
    if (error instanceof RateLimitedError) return { message: `You have sent as many links and orders as allowed this hour. Try again in ${Math.ceil(error.retryAfterSeconds / 60)} minutes.`, values };
    if (!isAppError(error)) throw error;
    if (error.param === "to") return { fieldErrors: { to: error.message }, values };
    return { message: error.message, values };
  }
  const page = target === "order" ? `/dashboard/orders/${id}` : `/dashboard/links/${id}`;
  revalidatePath(page);
  redirect(`${page}#messages`);
}
