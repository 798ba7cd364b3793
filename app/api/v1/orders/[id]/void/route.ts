// POST /api/v1/orders/{id}/void — void a paid order before settlement.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { voidOrder } from "@/lib/services/void-order";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  noQuerySchema.parse(body);
  return { status: 200, body: await voidOrder(db, { ...ctx, ...paymentContextFromEnv() }, params.id) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
