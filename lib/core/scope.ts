import { and, eq, sql, type Column, type SQL } from "drizzle-orm";

/** Whose data a call acts on: one merchant, in one mode. Every merchant query takes it. */
export interface MerchantScope {
  merchantId: string;
  livemode: boolean;
}

/** A scope plus what serializers need to build absolute URLs (event payloads embed objects with URLs). */
export interface ServiceContext extends MerchantScope {
  appUrl: string;
  /**
   * Set when a platform's key acts for one of its connected merchants (`Paylink-Merchant`): the platform. What
   * only a platform may do there (an application fee) checks it; everything else sees the merchant's own scope.
   */
  actingPlatformId?: string;
}

/** A table that holds merchant data: every such table has these two columns. */
export interface ScopedTable {
  merchantId: Column;
  livemode: Column;
}

/**
 * The one filter that keeps a query inside a merchant's data in one mode. Every merchant query uses it, so a
 * new dimension of the scope (a platform acting for its merchants) changes this function and nothing else.
 */
export function whereScope(table: ScopedTable, scope: MerchantScope): SQL {
  return and(eq(table.merchantId, scope.merchantId), eq(table.livemode, scope.livemode))!;
}

/**
 * whereScope for a statement built once (db/built-once.ts): the scope as placeholders, filled at each call with
 * `...scopeOf(scope)` (exactly the two values). Built-once statements keep the scope here, beside whereScope,
 * and nowhere else.
 */
export function whereScopePlaceholders(table: ScopedTable): SQL {
  return and(eq(table.merchantId, sql.placeholder("merchantId")), eq(table.livemode, sql.placeholder("livemode")))!;
}

/**
 * The scope a stored row belongs to (for work that starts from a row — a job, an event — rather than a request),
 * or any scope as just its two values (whereScopePlaceholders' placeholders).
 */
export function scopeOf(row: MerchantScope): MerchantScope {
  return { merchantId: row.merchantId, livemode: row.livemode };
}
