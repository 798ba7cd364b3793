import { and, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, paymentLinks } from "@/db/schema";
import { whereScope, type MerchantScope } from "@/lib/core/scope";

// The dashboard home's figures for the last days: payments and volume per UTC day and currency, how many of the
// orders made in those days were paid, and the links that took the most payments. Amounts stay in their own
// currency, in minor units: nothing here adds one currency to another.

export const INSIGHT_DAYS = 30;
const DAY_MS = 86_400_000;

/** One UTC day's payments in one currency. */
export interface DayFigures {
  /** YYYY-MM-DD, UTC. */
  date: string;
  /** Orders paid that day. */
  count: number;
  /** What they captured, in minor units (the amount a link's stats count, see countPaymentOnLink). */
  volume: number;
}

export interface CurrencyInsights {
  currency: string;
  /** Every day of the window, oldest first, zero where nothing was paid. */
  days: DayFigures[];
  count: number;
  volume: number;
  /** Of the window's payments: what has been refunded since, and what was voided (given back before settlement). */
  refunded: number;
  voided: number;
}

export interface TopLink {
  id: string;
  name: string;
  currency: string;
  /** Orders paid through the link in the window, and what they captured. */
  count: number;
  volume: number;
  /** The link's checkout views since it was made: views are kept as a running total, not per day. */
  allTimeVisits: number;
}

export interface Insights {
  /** The window: whole UTC days, from the first day's start up to the end of today. */
  from: string;
  to: string;
  /** Currencies with a payment in the window, in code order. */
  currencies: CurrencyInsights[];
  /** Orders created in the window (by a buyer's checkout or over the API), and how many of them were paid. */
  conversion: { created: number; paid: number };
  /** The links with the most payments in the window, at most five. */
  topLinks: TopLink[];
}

/** The UTC days of the window ending with `now`'s day, oldest first. */
export function insightDays(now: Date, days = INSIGHT_DAYS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** A sum the database gave as text, as an exact integer: a number past 2^53 would be silently wrong. */
function exact(text: string | number | null): number {
  const value = Number(text ?? 0);
  if (!Number.isSafeInteger(value)) throw new RangeError(`A sum of amounts is too large to be exact: ${String(text)}`);
  return value;
}

function add(a: number, b: number): number {
  return exact(a + b);
}

/**
 * The figures of one merchant in one mode for the INSIGHT_DAYS UTC days ending today. Three aggregate queries
 * (per day and currency, per link, and the orders created), each over one index range of the merchant's orders.
 */
export async function getInsights(db: Db, scope: MerchantScope, options: { now?: Date } = {}): Promise<Insights> {
  const days = insightDays(options.now ?? new Date());
  const from = new Date(`${days[0]}T00:00:00.000Z`);
  const to = new Date(Date.parse(`${days.at(-1)}T00:00:00.000Z`) + DAY_MS);
  const paidInWindow = and(whereScope(orders, scope), gte(orders.paidAt, from), lt(orders.paidAt, to));
  const captured = sql`coalesce(${orders.amountCaptured}, ${orders.amount})`;
  // The same expression in the select list and the GROUP BY (it holds no parameter, so the two texts match).
  const day = sql<string>`to_char(${orders.paidAt} at time zone 'UTC', 'YYYY-MM-DD')`;

  const [daily, links, [created]] = await Promise.all([
    db
      .select({
        currency: orders.currency,
        day,
        count: sql<number>`count(*)::int`,
        volume: sql<string>`sum(${captured})::text`,
        refunded: sql<string>`sum(${orders.amountRefunded})::text`,
        voided: sql<string>`coalesce(sum(${captured}) filter (where ${orders.status} = 'voided'), 0)::text`,
      })
      .from(orders)
      .where(paidInWindow)
      .groupBy(orders.currency, day),
    db
      .select({
        id: paymentLinks.id,
        name: paymentLinks.name,
        currency: orders.currency,
        allTimeVisits: paymentLinks.visitCount,
        count: sql<number>`count(*)::int`,
        volume: sql<string>`sum(${captured})::text`,
      })
      .from(orders)
      .innerJoin(paymentLinks, and(eq(paymentLinks.id, orders.paymentLinkId), whereScope(paymentLinks, scope)))
      .where(and(paidInWindow, isNotNull(orders.paymentLinkId)))
      .groupBy(paymentLinks.id, orders.currency)
      .orderBy(desc(sql`count(*)`), paymentLinks.id)
      .limit(5),
    db
      .select({ created: sql<number>`count(*)::int`, paid: sql<number>`count(${orders.paidAt})::int` })
      .from(orders)
      .where(and(whereScope(orders, scope), gte(orders.createdAt, from), lt(orders.createdAt, to))),
  ]);

  const byCurrency = new Map<string, CurrencyInsights>();
  for (const row of daily) {
    let entry = byCurrency.get(row.currency);
    if (!entry) {
      entry = { currency: row.currency, days: days.map((date) => ({ date, count: 0, volume: 0 })), count: 0, volume: 0, refunded: 0, voided: 0 };
      byCurrency.set(row.currency, entry);
    }
    const slot = entry.days.find((d) => d.date === row.day);
    if (!slot) continue; // cannot happen: the query's range is the days'
    slot.count = row.count;
    slot.volume = exact(row.volume);
    entry.count += row.count;
    entry.volume = add(entry.volume, slot.volume);
    entry.refunded = add(entry.refunded, exact(row.refunded));
    entry.voided = add(entry.voided, exact(row.voided));
  }

  return {
    from: days[0]!,
    to: days.at(-1)!,
    currencies: [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
    conversion: { created: created?.created ?? 0, paid: created?.paid ?? 0 },
    topLinks: links.map((l) => ({ id: l.id, name: l.name, currency: l.currency, count: l.count, volume: exact(l.volume), allTimeVisits: l.allTimeVisits })),
  };
}
