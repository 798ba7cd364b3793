"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import type { SecretState } from "@/components/dashboard/webhooks/types";
import { getDb, type Db } from "@/db";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import type { FormState } from "@/lib/forms";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/services/delete-webhook-endpoint";
import { resendEvent } from "@/lib/services/resend-event";
import { rotateWebhookSecret } from "@/lib/services/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@/lib/services/update-webhook-endpoint";
import type { WebhookContext } from "@/lib/services/webhook-endpoint-url";
import { staleFormMessage } from "../../orders/context";
import { getWebhooksContext } from "./context";

const LIST = "/dashboard/developers/webhooks";
const READ_ONLY = "Only an owner or admin can change webhooks.";
const GONE = "This endpoint no longer exists. Reload the page to see the current list.";

/** The member may change webhooks, and the form was shown for the business and mode the dashboard acts for. */
async function authorize(formData: FormData): Promise<{ ctx: WebhookContext; db: Db; platform: boolean } | { refused: string }> {
  const { ctx, canManage, platform } = await getWebhooksContext();
  if (!canManage) return { refused: READ_ONLY };
  const stale = staleFormMessage(formData, ctx);
  if (stale) return { refused: stale };
  return { ctx, db: await getDb(), platform };
}

/**
 * The endpoint form as the services take it, the values to show again, and what is missing. Only a platform's
 * form has the `connect` checkbox: for others the field is left out, not read as "unchecked".
 */
function readEndpointForm(formData: FormData, platform: boolean) {
  const url = String(formData.get("url") ?? "");
  const description = String(formData.get("description") ?? "");
  const mode = formData.get("events_mode");
  const chosen = formData.getAll("events").map(String);
  const events = mode === "selected" ? chosen : ["*"];
  const connect = platform ? formData.get("connect") === "on" : undefined;
  const values = { url, description, events: events.join(","), ...(platform ? { connect: connect ? "on" : "" } : {}) };
  const missing = mode === "selected" && chosen.length === 0 ? { events: "Check at least one event type, or choose All events." } : null;
  return { input: { url, events, description: description.trim() || null, ...(platform ? { connect } : {}) }, values, missing };
}

/** A service's refusal as the form shows it; anything unexpected is thrown on. */
function refusal(error: unknown, values?: Record<string, string>): FormState {
  if (error instanceof ZodError) return { fieldErrors: fieldErrors(error), values };
  if (!isAppError(error)) throw error;
  if (error.code === "resource_missing") return { message: GONE, values };
  if (error.param) return { fieldErrors: { [error.param]: error.message }, values };
  return { message: error.message, values };
}

function refresh() {
  // The Developers page, the lists, the endpoint and event pages all show endpoints and deliveries.
  revalidatePath("/dashboard/developers", "layout");
}

export async function createEndpointAction(_previous: SecretState, formData: FormData): Promise<SecretState> {
  const allowed = await authorize(formData);
  if ("refused" in allowed) return { message: allowed.refused };
  const { input, values, missing } = readEndpointForm(formData, allowed.platform);
  if (missing) return { fieldErrors: missing, values };
  let endpoint;
  try {
    endpoint = await createWebhookEndpoint(allowed.db, allowed.ctx, input);
  } catch (error) {
    return refusal(error, values);
  }
  refresh();
  // The secret goes back to this one response and nowhere else: not logged, not put in a URL.
  return { ok: true, secret: { id: endpoint.id, value: endpoint.secret!, url: endpoint.url } };
}

export async function updateEndpointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const allowed = await authorize(formData);
  if ("refused" in allowed) return { message: allowed.refused };
  const { input, values, missing } = readEndpointForm(formData, allowed.platform);
  if (missing) return { fieldErrors: missing, values };
  // An unchanged URL is left out, so a host whose DNS is down for a moment does not block editing the rest
  // (the worker checks the URL again before every delivery anyway).
  const { url, ...rest } = input;
  const changes = url.trim() === formData.get("savedUrl") ? rest : input;
  try {
    await updateWebhookEndpoint(allowed.db, allowed.ctx, String(formData.get("endpointId") ?? ""), changes);
  } catch (error) {
    return refusal(error, values);
  }
  refresh();
  return { ok: true, message: "Changes saved." };
}

export async function setEndpointEnabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const allowed = await authorize(formData);
  if ("refused" in allowed) return { message: allowed.refused };
  try {
    await updateWebhookEndpoint(allowed.db, allowed.ctx, String(formData.get("endpointId") ?? ""), { enabled: formData.get("enabled") === "true" });
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true };
}

export async function rotateEndpointSecretAction(_previous: SecretState, formData: FormData): Promise<SecretState> {
  const allowed = await authorize(formData);
  if ("refused" in allowed) return { message: allowed.refused };
  let endpoint;
  try {
    endpoint = await rotateWebhookSecret(allowed.db, allowed.ctx, String(formData.get("endpointId") ?? ""));
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, secret: { id: endpoint.id, value: endpoint.secret! } };
}

export async function deleteEndpointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const allowed = await authorize(formData);
  if ("refused" in allowed) return { message: allowed.refused };
  try {
    await deleteWebhookEndpoint(allowed.db, allowed.ctx, String(formData.get("endpointId") ?? ""));
  } catch (error) {
    return refusal(error);
  }
  refresh();
  redirect(LIST);
}

/** Sends an event to an endpoint again: a new delivery, with the event's id as its webhook-id. */
export async function resendEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const allowed = await authorize(formData);
  if ("refused" in allowed) return { message: allowed.refused };
  let message;
  try {
    message = await resendEvent(allowed.db, allowed.ctx, String(formData.get("endpointId") ?? ""), { event: String(formData.get("eventId") ?? "") });
  } catch (error) {
    if (error instanceof ZodError) return { message: "This is not one of your events." };
    if (!isAppError(error)) throw error;
    return { message: error.code === "resource_missing" && error.param === "event" ? "This event no longer exists in this mode." : refusal(error).message };
  }
  refresh();
  return { ok: true, message: `Queued: ${message.event} will be delivered again.` };
}
