import { orderPdfRoute } from "@/lib/http/documents";

// GET /o/{token}/receipt.pdf — the order's receipt once it has been paid (404 before).
export const GET = orderPdfRoute("receipt");
