// GET /api/v1/orders/{id}/invoice — the order's invoice as a PDF (the same as /o/{token}/invoice.pdf).
import { noQuerySchema } from "@/lib/core/list-params";
import { AppError } from "@/lib/core/errors";
import { apiFileRoute } from "@/lib/http/api-file";
import { orderPdfFile } from "@/lib/http/documents";
import { loadOrderDocumentById } from "@/lib/documents/order-document";

export const GET = apiFileRoute<{ id: string }>(async ({ db, ctx, params, query }) => {
  noQuerySchema.parse(query);
  const document = await loadOrderDocumentById(db, ctx, params.id, ctx.appUrl);
  if (!document) throw new AppError("resource_missing", `No such order: '${params.id}'.`, { param: "id" });
  return orderPdfFile("invoice", document);
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
