// POST /api/v1/orders — create a one-off order; GET /api/v1/orders — list (payment_link, status, reference, created_gte, created_lte).
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { apiRoute } from "@/lib/http/api";
import type { CreateOrderInput } from "@/lib/orders/schemas";
import { createOrder } from "@/lib/services/create-order";
import { listOrders } from "@/lib/services/list-orders";

export const POST = apiRoute(async ({ db, ctx, body }) => ({
  status: 201,
  body: await createOrder(db, { ...ctx, ...paymentContextFromEnv() }, body as CreateOrderInput),
}));

export const GET = apiRoute(async ({ db, ctx, query }) => ({
  status: 200,
  body: await listOrders(db, ctx, query),
}));

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
