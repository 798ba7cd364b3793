import { qrRoute } from "@/lib/http/documents";

// GET /o/{token}/qr.svg — the order's checkout URL (with src=qr) as a QR code to print or share; ?download=1 saves it.
export const GET = qrRoute("order", "svg");
