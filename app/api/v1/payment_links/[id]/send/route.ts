// POST /api/v1/payment_links/{id}/send — email or text the link to a buyer (201 with the queued message).
import { getDb } from "@/db";
import { getEnv } from "@/lib/core/env";
import { apiRoute } from "@/lib/http/api";
import { consumeBuyerSend } from "@/lib/http/rate-limit";
import { noQuerySchema } from "@/lib/core/list-params";
import { sendPaymentLink } from "@/lib/services/send-payment-request";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  await consumeBuyerSend(await getDb(), ctx, getEnv().SEND_MAX_PER_HOUR);
  return { status: 201, body: await sendPaymentLink(db, ctx, params.id, body) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
