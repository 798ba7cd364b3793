// POST /api/v1/merchants — a platform creates a connected merchant; GET /api/v1/merchants — lists them.
import { apiRoute } from "@/lib/http/api";
import { connectedMerchantQuota } from "@/lib/http/rate-limit";
import type { CreateConnectedMerchantInput } from "@/lib/merchants/schemas";
import { createConnectedMerchant } from "@/lib/services/create-connected-merchant";
import { listConnectedMerchants } from "@/lib/services/list-connected-merchants";

export const POST = apiRoute(async ({ db, ctx, body }) => ({
  status: 201,
  body: await createConnectedMerchant(db, ctx, body as CreateConnectedMerchantInput),
}), { beforeKey: connectedMerchantQuota });

export const GET = apiRoute(async ({ db, ctx, query }) => ({
  status: 200,
  body: await listConnectedMerchants(db, ctx, query),
}));

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
