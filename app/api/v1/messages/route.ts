// GET /api/v1/messages — the emails and SMS sent to buyers for this key's merchant and mode, newest first
// (filters payment_link, order, channel, status).
import { apiRoute } from "@/lib/http/api";
import { listMessages } from "@/lib/services/list-messages";

export const GET = apiRoute(async ({ db, ctx, query }) => ({
  status: 200,
  body: await listMessages(db, ctx, query),
}));

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
