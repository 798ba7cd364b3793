import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findPaymentLink } from "@/db/queries/payment-links";
import { paymentLinkSources, type OrderRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";

// A link's funnel by source (API.md, "Where buyers come from"): visits → payments started → paid. The rows are
// counters moved together with the link's own stats (record-link-visit.ts, pay-link.ts, order-changes.ts), so
// the sums over sources equal `stats`. No source is stored as "" (a primary key cannot hold null) and answered
// as null.

export interface FunnelSource {
  source: string | null;
  visit_count: number;
  started_count: number;
  pay_count: number;
  success_amount: number;
}

export interface FunnelObject {
  object: "funnel";
  payment_link: string;
  sources: FunnelSource[];
}

/** The link's sources, most visited first (then most paid, then by name, so the order is stable). */
export async function getLinkFunnel(db: Db, scope: MerchantScope, linkId: string): Promise<FunnelObject> {
  const link = await findPaymentLink(db, scope, linkId);
  if (!link) throw new AppError("resource_missing", `No such payment link: '${linkId}'.`, { param: "id" });
  const rows = await db
    .select()
    .from(paymentLinkSources)
    .where(eq(paymentLinkSources.paymentLinkId, link.id))
    .orderBy(desc(paymentLinkSources.visitCount), desc(paymentLinkSources.payCount), paymentLinkSources.source);
  return {
    object: "funnel",
    payment_link: link.id,
    sources: rows.map((r) => ({
      source: r.source === "" ? null : r.source,
      visit_count: r.visitCount,
      started_count: r.startedCount,
      pay_count: r.payCount,
      success_amount: r.successAmount,
    })),
  };
}

type Counter = "startedCount" | "payCount";

/** Adds to one source's counters of a link, in the caller's transaction (the row is made on first use). */
async function countOnSource(tx: Db, linkId: string, source: string | null, counter: Counter, amount = 0): Promise<void> {
  const set = counter === "startedCount"
    ? { startedCount: sql`${paymentLinkSources.startedCount} + 1` }
    : { payCount: sql`${paymentLinkSources.payCount} + 1`, successAmount: sql`${paymentLinkSources.successAmount} + ${amount}` };
  await tx
    .insert(paymentLinkSources)
    .values({ paymentLinkId: linkId, source: source ?? "", [counter]: 1, successAmount: amount })
    .onConflictDoUpdate({ target: [paymentLinkSources.paymentLinkId, paymentLinkSources.source], set });
}

/** A buyer submitted a payment through the link (its order was made), from `source`. */
export function countStartOnSource(tx: Db, linkId: string, source: string | null): Promise<void> {
  return countOnSource(tx, linkId, source, "startedCount");
}

/** The link's order was paid: counted under the source the buyer paid from, as the link's stats count it. */
export function countPaymentOnSource(tx: Db, order: OrderRow, amount: number): Promise<void> {
  if (!order.paymentLinkId) return Promise.resolve();
  return countOnSource(tx, order.paymentLinkId, order.source, "payCount", amount);
}

