import { qrRoute } from "@/lib/http/documents";

// GET /l/{token}/qr.svg — the link's checkout URL (with src=qr) as a QR code to print or share; ?download=1 saves it.
export const GET = qrRoute("link", "svg");
