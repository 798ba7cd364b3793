import { orderPdfRoute } from "@/lib/http/documents";

// GET /o/{token}/invoice.pdf — the order's invoice: what is owed, by when, and its checkout URL and QR code.
export const GET = orderPdfRoute("invoice");
