// GET /api/v1/webhook_endpoints/{id} — retrieve; PATCH — change url, events, description or enabled; DELETE — delete.
import { getEnv } from "@/lib/core/env";
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { deleteWebhookEndpoint } from "@/lib/services/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/services/get-webhook-endpoint";
import { updateWebhookEndpoint } from "@/lib/services/update-webhook-endpoint";
import type { UpdateWebhookEndpointInput } from "@/lib/webhooks/schemas";

export const GET = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await getWebhookEndpoint(db, ctx, params.id) };
});

export const PATCH = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  return {
    status: 200,
    body: await updateWebhookEndpoint(db, { ...ctx, allowPrivate: getEnv().WEBHOOK_ALLOW_PRIVATE_URLS }, params.id, body as UpdateWebhookEndpointInput),
  };
});

export const DELETE = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await deleteWebhookEndpoint(db, ctx, params.id) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT } from "@/lib/http/unrecognized";
