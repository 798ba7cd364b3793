// GET /dashboard/links/export.csv — the payment links the list's filters (status, q, created_from/to) match, as CSV.
import { exportPaymentLinksCsv } from "@/lib/csv/links-export";
import { parseLinkFilters } from "@/lib/links/list-filters";
import { csvExportRoute } from "../../csv-export";
import { getLinksContext } from "../context";

export const GET = csvExportRoute({
  what: "payment-links",
  context: async () => (await getLinksContext()).ctx,
  parseFilters: parseLinkFilters,
  stream: exportPaymentLinksCsv,
});
