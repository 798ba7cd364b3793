// POST /api/v1/test_helpers/settle — test mode only: settle every paid, unsettled test order of the merchant now.
import { AppError } from "@/lib/core/errors";
import { apiRoute } from "@/lib/http/api";
import { noQuerySchema } from "@/lib/core/list-params";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { settleOrders } from "@/lib/services/settle-orders";

export const POST = apiRoute(async ({ db, ctx, query, body }) => {
  if (ctx.livemode) throw new AppError("forbidden", "Test helpers take a test-mode key (sk_test_…); live orders settle on the settlement schedule.");
  noQuerySchema.parse(query);
  noQuerySchema.parse(body);
  return { status: 200, body: { settled: await settleOrders(db, paymentContextFromEnv(), ctx) } };
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as GET, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
