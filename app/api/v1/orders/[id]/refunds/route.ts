// POST /api/v1/orders/{id}/refunds — refund part or all of a settled order (pending at first); GET — list its refunds.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import type { CreateRefundInput } from "@/lib/orders/schemas";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { listRefunds } from "@/lib/services/list-refunds";
import { refundOrder } from "@/lib/services/refund-order";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  return { status: 201, body: await refundOrder(db, { ...ctx, ...paymentContextFromEnv() }, params.id, body as CreateRefundInput) };
});

export const GET = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => ({
  status: 200,
  body: await listRefunds(db, ctx, params.id, query),
}));

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
