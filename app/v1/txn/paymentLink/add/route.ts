// POST /v1/txn/paymentLink/add — Onerway-compatible: create a payment link (API.md, "Onerway-compatible endpoints").
import { onerwayRoute } from "@/lib/http/onerway";
import { onerwayAdd } from "@/lib/services/onerway-links";

export const POST = onerwayRoute("add", ({ db, ctx, fields }) => onerwayAdd(db, ctx, fields));
