import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { OrderStatus } from "@/lib/core/statuses";
import type { Db } from "../client";
import { merchants, orders } from "../schema";

/**
 * The orders whose fee the platform has earned: their payment was captured. A refund does not give the fee back
 * (the order stays counted, as Stripe keeps an application fee unless asked); a void, an authorization never
 * captured or lapsed, and an unpaid order earn nothing.
 */
export const FEE_EARNING_STATUSES = ["paid", "partially_refunded", "refunded"] as const satisfies readonly OrderStatus[];

export interface ApplicationFeeTotal {
  /** The orders' currency: fees are in their order's currency and are never added across currencies. */
  currency: string;
  /** The sum, in that currency's minor unit. */
  amount: number;
  /** How many orders carried a fee. */
  count: number;
}

/**
 * A platform's application fees over its connected merchants' captured orders in one mode, per currency
 * (alphabetical). A fee counts up to what was captured: a partial capture below the fee earns the capture.
 * Scoped by the platform as connected-merchants.ts scopes: only merchants connected to it in this mode.
 */
export async function applicationFeeTotals(db: Db, params: { platformId: string; livemode: boolean }): Promise<ApplicationFeeTotal[]> {
  const earned = sql`least(${orders.applicationFeeAmount}, coalesce(${orders.amountCaptured}, ${orders.amount}))`;
  return db
    .select({
      currency: orders.currency,
      amount: sql<number>`sum(${earned})::bigint`.mapWith(Number),
      count: sql<number>`count(*)::int`,
    })
    .from(orders)
    .innerJoin(merchants, eq(merchants.id, orders.merchantId))
    .where(
      and(
        eq(merchants.platformId, params.platformId),
        eq(merchants.connectedLivemode, params.livemode),
        eq(orders.livemode, params.livemode),
        isNotNull(orders.applicationFeeAmount),
        inArray(orders.status, [...FEE_EARNING_STATUSES]),
      ),
    )
    .groupBy(orders.currency)
    .orderBy(asc(orders.currency));
}
