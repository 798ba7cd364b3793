// POST /api/v1/orders/{id}/cancel — close an order: cancel it if unpaid, void it if not settled, else refund it in full.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { cancelOrder } from "@/lib/services/cancel-order";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  noQuerySchema.parse(body);
  return { status: 200, body: await cancelOrder(db, { ...ctx, ...paymentContextFromEnv() }, params.id) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
