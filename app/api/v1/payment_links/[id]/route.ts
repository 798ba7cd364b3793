// GET /api/v1/payment_links/{id} — retrieve; PATCH — update, enable or disable.
import { apiRoute } from "@/lib/http/api";
import { type UpdatePaymentLinkInput } from "@/lib/links/schemas";
import { noQuerySchema } from "@/lib/core/list-params";
import { getPaymentLink } from "@/lib/services/get-payment-link";
import { updatePaymentLink } from "@/lib/services/update-payment-link";

export const GET = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await getPaymentLink(db, ctx, params.id) };
});

export const PATCH = apiRoute<{ id: string }>(async ({ db, ctx, params, body, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await updatePaymentLink(db, ctx, params.id, body as UpdatePaymentLinkInput) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
