// POST /api/v1/orders/{id}/send — email (with the invoice PDF) or text the order to a buyer (201 with the message).
import { getDb } from "@/db";
import { getEnv } from "@/lib/core/env";
import { apiRoute } from "@/lib/http/api";
import { consumeBuyerSend } from "@/lib/http/rate-limit";
import { noQuerySchema } from "@/lib/core/list-params";
import { sendOrder } from "@/lib/services/send-payment-request";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  await consumeBuyerSend(await getDb(), ctx, getEnv().SEND_MAX_PER_HOUR);
  return { status: 201, body: await sendOrder(db, ctx, params.id, body) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
