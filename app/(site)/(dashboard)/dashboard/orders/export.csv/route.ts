// GET /dashboard/orders/export.csv — the orders the list's filters (status, payment_link, reference, created_from/to) match, as CSV.
import { exportOrdersCsv } from "@/lib/csv/orders-export";
import { parseOrderFilters } from "@/lib/orders/list-filters";
import { csvExportRoute } from "../../csv-export";
import { getOrdersContext } from "../context";

export const GET = csvExportRoute({
  what: "orders",
  context: async () => (await getOrdersContext()).ctx,
  parseFilters: parseOrderFilters,
  stream: exportOrdersCsv,
});
