// POST /v1/txn/paymentLink/add — Onerway-compatible: create a payment link (API.md, "Onerway-compatible endpoints").
import { onerwayRoute } from "@/lib/http/onerway";
import { onerwayAdd } from "@/lib/services/onerway-links";

export const POST = onerwayRoute("add", ({ db, ctx, fields }) => onerwayAdd(db, ctx, fields));

// Other methods: the wire format's 40013, not an empty 405.
export { onerwayWrongMethod as GET, onerwayWrongMethod as PUT, onerwayWrongMethod as PATCH, onerwayWrongMethod as DELETE } from "@/lib/http/onerway";
