// POST /api/v1/orders/{id}/capture — capture an authorized order (manual capture), in full or in part.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { captureOrderSchema } from "@/lib/orders/schemas";
import { captureOrder } from "@/lib/services/capture-order";
import { paymentContextFromEnv } from "@/lib/services/payment-context";

// The capture calls the processor: it runs on the pool, in transactions of its own that commit before the
// call, never inside the Idempotency-Key's transaction (whose row locks would be held during the call).
export const POST = apiRoute<{ id: string }>(async ({ pool, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await captureOrder(pool, { ...ctx, ...paymentContextFromEnv() }, params.id, captureOrderSchema.parse(body)) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
