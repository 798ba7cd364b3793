// GET /api/v1/events — list the events of this key's merchant and mode, newest first (type).
import { apiRoute } from "@/lib/http/api";
import { listEvents } from "@/lib/services/list-events";

export const GET = apiRoute(async ({ db, ctx, query }) => ({
  status: 200,
  body: await listEvents(db, ctx, query),
}));

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
