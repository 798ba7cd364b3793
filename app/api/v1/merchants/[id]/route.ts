// GET /api/v1/merchants/{id} — one of the platform's connected merchants; PATCH — change its name, email, metadata.
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import type { UpdateConnectedMerchantInput } from "@/lib/merchants/schemas";
import { getConnectedMerchant } from "@/lib/services/get-connected-merchant";
import { updateConnectedMerchant } from "@/lib/services/update-connected-merchant";

export const GET = apiRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await getConnectedMerchant(db, ctx, params.id) };
});

export const PATCH = apiRoute<{ id: string }>(async ({ db, ctx, params, body, query }) => {
  noQuerySchema.parse(query);
  return { status: 200, body: await updateConnectedMerchant(db, ctx, params.id, body as UpdateConnectedMerchantInput) };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
