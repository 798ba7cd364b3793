import { desc, eq, sql } from "drizzle-orm";
import { builtOnce } from "@/db/built-once";
import type { Db } from "@/db/client";
import { findPaymentLink } from "@/db/queries/payment-links";
import { paymentLinks, paymentLinkSources, type OrderRow } from "@/db/schema";
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

// Built once (db/built-once.ts): every payment through a link starts on a source.
const countStarted = builtOnce((db) =>
  db
    .insert(paymentLinkSources)
    .values({ paymentLinkId: sql.placeholder("linkId"), source: sql.placeholder("source"), startedCount: 1 })
    .onConflictDoUpdate({ target: [paymentLinkSources.paymentLinkId, paymentLinkSources.source], set: { startedCount: sql`${paymentLinkSources.startedCount} + 1` } })
    .prepare("count_started_on_source"),
);

/** A buyer submitted a payment through the link (its order was made), from `source`. */
export async function countStartOnSource(tx: Db, linkId: string, source: string | null): Promise<void> {
  await countStarted(tx).execute({ linkId, source: source ?? "" });
}

/**
 * The link's order was paid: the link's stats and the funnel's row for the source the buyer paid from, in one
 * statement (the row made on first use). The link's row is updated first — the source's row is inserted from
 * what that update returns — so its lock is taken before the source's, as every writer of both takes them (a
 * payment's reservation locks the link, a visit updates it in the statement that counts the source): none waits
 * on another in a cycle.
 */
export async function countPaymentOnLink(tx: Db, order: OrderRow): Promise<void> {
  if (!order.paymentLinkId) return;
  const amount = order.amountCaptured ?? order.amount;
  await tx.execute(sql`
    with counted as (
      update ${paymentLinks} set pay_count = pay_count + 1, success_amount = success_amount + ${amount}
      where id = ${order.paymentLinkId}
      returning id
    )
    insert into ${paymentLinkSources} (payment_link_id, source, pay_count, success_amount)
    select id, ${order.source ?? ""}, 1, ${amount} from counted
    on conflict (payment_link_id, source) do update set
      pay_count = ${paymentLinkSources}.pay_count + 1,
      success_amount = ${paymentLinkSources}.success_amount + excluded.success_amount`);
}
