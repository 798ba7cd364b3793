// POST /v1/txn/paymentLink/updateStatus — Onerway-compatible: enable or disable a link by its integer id.
import { onerwayRoute } from "@/lib/http/onerway";
import { onerwayUpdateStatus } from "@/lib/services/onerway-links";

export const POST = onerwayRoute("updateStatus", ({ db, ctx, fields }) => onerwayUpdateStatus(db, ctx, fields));

// Other methods: the wire format's 40013, not an empty 405.
export { onerwayWrongMethod as GET, onerwayWrongMethod as PUT, onerwayWrongMethod as PATCH, onerwayWrongMethod as DELETE } from "@/lib/http/onerway";
