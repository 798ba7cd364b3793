// POST /api/v1/webhook_endpoints/{id}/resend — send one event to this endpoint again; answers the new, pending message.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { resendEvent } from "@/lib/services/resend-event";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await resendEvent(db, ctx, params.id, body) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
