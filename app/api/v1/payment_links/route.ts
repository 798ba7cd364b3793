// POST /api/v1/payment_links — create; GET /api/v1/payment_links — list (active, q, created_gte, created_lte).
import { apiRoute } from "@/lib/http/api";
import type { CreatePaymentLinkInput } from "@/lib/links/schemas";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { listPaymentLinks } from "@/lib/services/list-payment-links";

export const POST = apiRoute(async ({ db, ctx, body }) => ({
  status: 201,
  body: await createPaymentLink(db, ctx, body as CreatePaymentLinkInput),
}));

export const GET = apiRoute(async ({ db, ctx, query }) => ({
  status: 200,
  body: await listPaymentLinks(db, ctx, query),
}));

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
