// POST /api/v1/webhook_endpoints/{id}/rotate_secret — a new secret, answered once; the old one keeps signing for 24 h.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { rotateWebhookSecret } from "@/lib/services/rotate-webhook-secret";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  noQuerySchema.parse(body);
  return { status: 200, body: await rotateWebhookSecret(db, ctx, params.id) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
