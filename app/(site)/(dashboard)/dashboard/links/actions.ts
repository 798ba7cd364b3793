"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { isAppError } from "@/lib/core/errors";
import { readLinkForm, type LinkFormState } from "@/lib/links/form";
import { fieldForPath, linkFieldErrors } from "@/lib/links/form-errors";
import { parseCreateLinkForm, parseUpdateLinkForm } from "@/lib/links/form-input";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { getPaymentLink } from "@/lib/services/get-payment-link";
import { updatePaymentLink } from "@/lib/services/update-payment-link";
import { getLinksContext } from "./context";

const READ_ONLY = "Only an owner or admin can change payment links.";

export async function createLinkAction(previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const { ctx, canWrite } = await getLinksContext();
  const refused = refusal(previous, formData);
  if (!canWrite) return refused({ message: READ_ONLY });
  const parsed = parseCreateLinkForm(formData);
  if (!parsed.ok) return refused({ fieldErrors: parsed.errors });
  let id: string;
  try {
    ({ id } = await createPaymentLink(await getDb(), ctx, parsed.input));
  } catch (error) {
    return refused(serviceErrorState(error, formData));
  }
  revalidatePath("/dashboard/links");
  redirect(`/dashboard/links/${id}`);
}

export async function updateLinkAction(id: string, previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const { ctx, canWrite } = await getLinksContext();
  const refused = refusal(previous, formData);
  if (!canWrite) return refused({ message: READ_ONLY });
  const db = await getDb();
  try {
    // The patch holds only what changed from the link as it is now.
    const parsed = parseUpdateLinkForm(formData, await getPaymentLink(db, ctx, id));
    if (!parsed.ok) return refused({ fieldErrors: parsed.errors });
    await updatePaymentLink(db, ctx, id, parsed.input);
  } catch (error) {
    return refused(serviceErrorState(error, formData));
  }
  revalidatePath("/dashboard/links", "layout");
  redirect(`/dashboard/links/${id}`);
}

/** Enables or disables a link from a list row or its detail page, then goes back there. */
export async function setLinkActiveAction(formData: FormData): Promise<void> {
  const { ctx, canWrite } = await getLinksContext();
  const id = String(formData.get("id") ?? "");
  const returnTo = String(formData.get("returnTo") ?? "");
  if (canWrite) {
    try {
      await updatePaymentLink(await getDb(), ctx, id, { active: formData.get("active") === "true" });
    } catch (error) {
      // A link deleted or from another merchant: nothing to change, the page shown next tells the truth.
      if (!isAppError(error)) throw error;
    }
  }
  revalidatePath("/dashboard/links", "layout");
  // Only back to a links page of this app, never to an address the form was made to carry.
  redirect(/^\/dashboard\/links(?:[/?]|$)/.test(returnTo) ? returnTo : "/dashboard/links");
}

/** The state of a refused submission: what to fix, and the form as it was sent. */
function refusal(previous: LinkFormState, formData: FormData) {
  return (state: Pick<LinkFormState, "message" | "fieldErrors">): LinkFormState => ({
    ...state,
    values: readLinkForm(formData),
    attempt: (previous.attempt ?? 0) + 1,
  });
}

/** A service's refusal as errors on the form: a zod issue or an AppError's param names the field. */
function serviceErrorState(error: unknown, formData: FormData): Pick<LinkFormState, "message" | "fieldErrors"> {
  const rows = readLinkForm(formData).metadata;
  if (error instanceof ZodError) return { fieldErrors: linkFieldErrors(error, rows) };
  if (isAppError(error)) {
    if (error.code === "resource_missing") return { message: "This payment link no longer exists." };
    return error.param ? { fieldErrors: { [fieldForPath(error.param, rows)]: error.message } } : { message: error.message };
  }
  throw error;
}
