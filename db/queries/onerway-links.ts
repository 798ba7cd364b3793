import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from "drizzle-orm";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import type { Db } from "../client";
import { paymentLinks, type PaymentLinkRow } from "../schema";
import { escapeLike } from "./payment-links";

// The Onerway-compatible list (`/v1/txn/paymentLink/list`): pages by number with a total, as that API does.

export interface OnerwayLinkFilters {
  active?: boolean;
  /** Matches the integer id exactly, or the item name (case-insensitive substring). */
  keywords?: string;
  createdGte?: Date;
  createdLte?: Date;
  /** From 1. */
  page: number;
  size: number;
}

export async function listOnerwayLinks(db: Db, scope: MerchantScope, filters: OnerwayLinkFilters): Promise<{ rows: PaymentLinkRow[]; total: number }> {
  const keyword = filters.keywords?.trim();
  const byKeyword: SQL | undefined = keyword
    ? or(/^\d{1,15}$/.test(keyword) ? eq(paymentLinks.onerwayId, Number(keyword)) : undefined, ilike(paymentLinks.itemName, `%${escapeLike(keyword)}%`))
    : undefined;
  const where = and(
    whereScope(paymentLinks, scope),
    filters.active === undefined ? undefined : eq(paymentLinks.active, filters.active),
    byKeyword,
    filters.createdGte ? gte(paymentLinks.createdAt, filters.createdGte) : undefined,
    filters.createdLte ? lte(paymentLinks.createdAt, filters.createdLte) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(paymentLinks)
      .where(where)
      .orderBy(desc(paymentLinks.id))
      .limit(filters.size)
      .offset((filters.page - 1) * filters.size),
    db.select({ n: count() }).from(paymentLinks).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A link by its Onerway id, whoever's it is (the caller tells "not found" from "not yours"). */
export async function findLinkByOnerwayId(db: Db, onerwayId: number): Promise<PaymentLinkRow | null> {
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.onerwayId, onerwayId)).limit(1);
  return row ?? null;
}
