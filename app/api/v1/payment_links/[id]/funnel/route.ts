// GET /api/v1/payment_links/{id}/funnel — the link's visits, started and paid checkouts by source (`src`).
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { getLinkFunnel } from "@/lib/services/link-funnel";

export const GET = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await getLinkFunnel(db, ctx, params.id) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
