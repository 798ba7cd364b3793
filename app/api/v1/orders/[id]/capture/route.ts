// POST /api/v1/orders/{id}/capture — capture an authorized order (manual capture), in full or in part.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { captureOrderSchema } from "@/lib/orders/schemas";
import { captureOrder } from "@/lib/services/capture-order";
import { paymentContextFromEnv } from "@/lib/services/payment-context";

// The capture calls the processor: its service commits its own steps around the call, and an
// Idempotency-Key is claimed and answered around them rather than holding a transaction open (callsProcessor).
export const POST = apiRoute<{ id: string }>(
  async ({ db, ctx, params, query, body }) => {
    noQuerySchema.parse(query);
    return { status: 200, body: await captureOrder(db, { ...ctx, ...paymentContextFromEnv() }, params.id, captureOrderSchema.parse(body)) };
  },
  { callsProcessor: true },
);

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
