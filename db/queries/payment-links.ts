import { and, desc, eq, gte, ilike, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { toPage, type Page } from "@/lib/core/list-params";
import { scopeOf, whereScope, whereScopePlaceholders, type MerchantScope } from "@/lib/core/scope";
import { builtOnce } from "../built-once";
import type { Db } from "../client";
import { plannedPerRun } from "../planned-per-run";
import { paymentLinks, type PaymentLinkRow } from "../schema";

export async function findPaymentLink(db: Db, scope: MerchantScope, id: string): Promise<PaymentLinkRow | null> {
  const [row] = await db.select().from(paymentLinks).where(and(whereScope(paymentLinks, scope), eq(paymentLinks.id, id))).limit(1);
  return row ?? null;
}

/**
 * Locks a link's row for the rest of the transaction: what keeps `max_payments` exact under buyers paying at
 * once, and concurrent edits from losing each other's changes. By the buyer's token, or by id in a scope.
 */
export async function lockPaymentLink(tx: Db, where: { token: string } | { id: string; scope: MerchantScope }): Promise<PaymentLinkRow | null> {
  const [row] =
    "token" in where
      ? await lockLinkByToken(tx).execute({ token: where.token })
      : await lockLinkInScope(tx).execute({ id: where.id, ...scopeOf(where.scope) });
  return row ?? null;
}

// Built once (db/built-once.ts): every payment through a link locks it.
const lockLinkByToken = builtOnce((db) => db.select().from(paymentLinks).where(eq(paymentLinks.token, sql.placeholder("token"))).for("update").prepare("lock_link_by_token"));
const lockLinkInScope = builtOnce((db) =>
  db
    .select()
    .from(paymentLinks)
    .where(and(whereScopePlaceholders(paymentLinks), eq(paymentLinks.id, sql.placeholder("id"))))
    .for("update")
    .prepare("lock_link_in_scope"),
);

export interface PaymentLinkFilters {
  limit: number;
  startingAfter?: string;
  active?: boolean;
  q?: string;
  createdGte?: Date;
  createdLte?: Date;
}

/** `text` for a LIKE pattern: its own %, _ and backslashes match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page of the merchant's links, newest first, plus whether more follow. */
export async function listPaymentLinks(
  db: Db,
  scope: MerchantScope,
  filters: PaymentLinkFilters,
): Promise<Page<PaymentLinkRow>> {
  const conditions: SQL[] = [whereScope(paymentLinks, scope)];
  if (filters.startingAfter) conditions.push(lt(paymentLinks.id, filters.startingAfter));
  if (filters.active !== undefined) conditions.push(eq(paymentLinks.active, filters.active));
  if (filters.createdGte) conditions.push(gte(paymentLinks.createdAt, filters.createdGte));
  if (filters.createdLte) conditions.push(lte(paymentLinks.createdAt, filters.createdLte));
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(or(ilike(paymentLinks.id, pattern), ilike(paymentLinks.name, pattern), ilike(paymentLinks.itemName, pattern))!);
  }
  const page = (handle: Db) => handle.select().from(paymentLinks).where(and(...conditions)).orderBy(desc(paymentLinks.id)).limit(filters.limit + 1);
  // A keyword's selectivity decides between the trigram indexes and walking the newest links: planned per run.
  const rows = filters.q ? await plannedPerRun(db, page) : await page(db);
  return toPage(rows, filters.limit);
}
