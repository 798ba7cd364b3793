// POST /api/v1/payment_links/{id}/send — email or text the link to a buyer (201 with the queued message).
import { apiRoute } from "@/lib/http/api";
import { sendQuota } from "@/lib/http/rate-limit";
import { noQuerySchema } from "@/lib/core/list-params";
import { configuredProcessors } from "@/lib/processor";
import { sendPaymentLink } from "@/lib/services/send-payment-request";

export const POST = apiRoute<{ id: string }>(async ({ db, ctx, params, query, body }) => {
  noQuerySchema.parse(query);
  return { status: 201, body: await sendPaymentLink(db, { ...ctx, processors: configuredProcessors() }, params.id, body) };
}, { beforeKey: sendQuota });

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
