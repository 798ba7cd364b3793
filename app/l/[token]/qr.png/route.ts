import { qrRoute } from "@/lib/http/documents";

// GET /l/{token}/qr.png — the link's checkout URL (with src=qr) as a QR code to print or share (?size=128..2048 pixels, default 1024); ?download=1 saves it.
export const GET = qrRoute("link", "png");
