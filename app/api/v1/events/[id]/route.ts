// GET /api/v1/events/{id} — retrieve an event, with the object it is about as it was then.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { getEvent } from "@/lib/services/get-event";

export const GET = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await getEvent(db, ctx, params.id) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
