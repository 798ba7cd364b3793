// POST /api/v1/webhook_endpoints — create an endpoint (the answer alone carries its secret); GET — list.
import { getEnv } from "@/lib/core/env";
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/services/list-webhook-endpoints";
import type { CreateWebhookEndpointInput } from "@/lib/webhooks/schemas";

export const POST = apiRoute(async ({ db, ctx, query, body }) => {
  noQuerySchema.parse(query);
  return {
    status: 201,
    body: await createWebhookEndpoint(db, { ...ctx, allowPrivate: getEnv().WEBHOOK_ALLOW_PRIVATE_URLS }, body as CreateWebhookEndpointInput),
  };
});

export const GET = apiRoute(async ({ db, ctx, query }) => ({
  status: 200,
  body: await listWebhookEndpoints(db, ctx, query),
}));

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
