// POST /v1/txn/paymentLink/updateStatus — Onerway-compatible: enable or disable a link by its integer id.
import { onerwayRoute } from "@/lib/http/onerway";
import { onerwayUpdateStatus } from "@/lib/services/onerway-links";

export const POST = onerwayRoute("updateStatus", ({ db, ctx, fields }) => onerwayUpdateStatus(db, ctx, fields));
