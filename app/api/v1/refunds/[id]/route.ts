// GET /api/v1/refunds/{id} — retrieve a refund.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { getRefund } from "@/lib/services/get-refund";

export const GET = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await getRefund(db, ctx, params.id) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
