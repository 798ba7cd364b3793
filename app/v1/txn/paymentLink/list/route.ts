// POST /v1/txn/paymentLink/list — Onerway-compatible: the merchant's links by page, newest first.
import { onerwayRoute } from "@/lib/http/onerway";
import { onerwayList } from "@/lib/services/onerway-links";

export const POST = onerwayRoute("list", ({ db, ctx, merchantNo, fields }) => onerwayList(db, ctx, merchantNo, fields));

// Other methods: the wire format's 40013, not an empty 405.
export { onerwayWrongMethod as GET, onerwayWrongMethod as PUT, onerwayWrongMethod as PATCH, onerwayWrongMethod as DELETE } from "@/lib/http/onerway";
