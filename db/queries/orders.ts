import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/core/errors";
import { toPage, type Page } from "@/lib/core/list-params";
import { scopeOf, whereScope, whereScopePlaceholders, type MerchantScope } from "@/lib/core/scope";
import { builtOnce } from "../built-once";
import type { Db } from "../client";
import { orders, payments, refunds, type OrderRow, type PaymentRow, type RefundRow } from "../schema";

export async function findOrder(db: Db, scope: MerchantScope, id: string): Promise<OrderRow | null> {
  const [row] = await orderById(db).execute({ id, ...scopeOf(scope) });
  return row ?? null;
}

export async function findOrderByToken(db: Db, token: string): Promise<OrderRow | null> {
  const [row] = await orderByToken(db).execute({ token });
  return row ?? null;
}

// Built once (db/built-once.ts): every view and post of an order's checkout asks for its order; every payment
// locks its order and reads its attempt; every order read by id (the API, the receipt) looks it up.
const orderByToken = builtOnce((db) => db.select().from(orders).where(eq(orders.token, sql.placeholder("token"))).limit(1).prepare("order_by_token"));
const inScope = (table: typeof orders | typeof payments) => and(whereScopePlaceholders(table), eq(table.id, sql.placeholder("id")));
const orderById = builtOnce((db) => db.select().from(orders).where(inScope(orders)).limit(1).prepare("order_by_id"));
const lockOrderByToken = builtOnce((db) => db.select().from(orders).where(eq(orders.token, sql.placeholder("token"))).for("update").prepare("lock_order_by_token"));
const lockOrderInScope = builtOnce((db) => db.select().from(orders).where(inScope(orders)).for("update").prepare("lock_order_in_scope"));
const lockOrderById = builtOnce((db) => db.select().from(orders).where(eq(orders.id, sql.placeholder("id"))).for("update").prepare("lock_order_by_id"));
const paymentById = builtOnce((db) => db.select().from(payments).where(inScope(payments)).limit(1).prepare("payment_by_id"));

/** Locks the order row for the rest of the transaction: every state change of an order goes through here. */
export async function lockOrder(tx: Db, where: { id: string; scope?: MerchantScope } | { token: string }): Promise<OrderRow | null> {
  const [row] =
    "token" in where
      ? await lockOrderByToken(tx).execute({ token: where.token })
      : where.scope
        ? await lockOrderInScope(tx).execute({ id: where.id, ...scopeOf(where.scope) })
        : await lockOrderById(tx).execute({ id: where.id });
  return row ?? null;
}

/** Locks one of the merchant's orders; another merchant's id locks nothing and reads as missing. */
export async function lockScopedOrder(tx: Db, scope: MerchantScope, id: string): Promise<OrderRow> {
  const order = await lockOrder(tx, { id, scope });
  if (!order) throw new AppError("resource_missing", `No such order: '${id}'.`, { param: "id" });
  return order;
}

/** One of the merchant's payment attempts. */
export async function findPayment(db: Db, scope: MerchantScope, id: string): Promise<PaymentRow | null> {
  const [row] = await paymentById(db).execute({ id, ...scopeOf(scope) });
  return row ?? null;
}

/** The payment to show for an order: the successful one, else the latest attempt. */
export async function displayPayment(db: Db, scope: MerchantScope, order: Pick<OrderRow, "id" | "paymentId">): Promise<PaymentRow | null> {
  if (order.paymentId) {
    const [row] = await db.select().from(payments).where(and(whereScope(payments, scope), eq(payments.id, order.paymentId))).limit(1);
    if (row) return row;
  }
  const [latest] = await db
    .select()
    .from(payments)
    .where(and(whereScope(payments, scope), eq(payments.orderId, order.id)))
    .orderBy(desc(payments.id))
    .limit(1);
  return latest ?? null;
}

/** displayPayment for a page of orders in two queries instead of one per order. */
export async function displayPayments(db: Db, scope: MerchantScope, rows: Pick<OrderRow, "id" | "paymentId">[]): Promise<Map<string, PaymentRow>> {
  const result = new Map<string, PaymentRow>();
  if (rows.length === 0) return result;
  const all = await db
    .select()
    .from(payments)
    .where(and(whereScope(payments, scope), inArray(payments.orderId, rows.map((r) => r.id))))
    .orderBy(desc(payments.id));
  for (const row of rows) {
    const mine = all.filter((p) => p.orderId === row.id);
    const chosen = mine.find((p) => p.id === row.paymentId) ?? mine[0];
    if (chosen) result.set(row.id, chosen);
  }
  return result;
}

export async function listPaymentsForOrder(db: Db, scope: MerchantScope, orderId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(and(whereScope(payments, scope), eq(payments.orderId, orderId))).orderBy(desc(payments.id));
}

export async function latestPaymentWithStatus(tx: Db, scope: MerchantScope, orderId: string, status: PaymentRow["status"]): Promise<PaymentRow | null> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(whereScope(payments, scope), eq(payments.orderId, orderId), eq(payments.status, status)))
    .orderBy(desc(payments.id))
    .limit(1);
  return row ?? null;
}

/**
 * Orders through a link that hold a payment in flight or an authorization waiting for capture: they count
 * against max_payments until they end (paid, failed, voided or expired).
 */
export async function countProcessingOrdersForLink(tx: Db, scope: MerchantScope, linkId: string, exceptOrderId?: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(whereScope(orders, scope), eq(orders.paymentLinkId, linkId), inArray(orders.status, ["processing", "authorized"]), exceptOrderId ? sql`${orders.id} <> ${exceptOrderId}` : undefined));
  return row?.n ?? 0;
}

export interface OrderFilters {
  limit: number;
  startingAfter?: string;
  paymentLinkId?: string;
  status?: OrderRow["status"];
  reference?: string;
  createdGte?: Date;
  createdLte?: Date;
}

export async function listOrders(db: Db, scope: MerchantScope, filters: OrderFilters): Promise<Page<OrderRow>> {
  const conditions: SQL[] = [whereScope(orders, scope)];
  if (filters.startingAfter) conditions.push(lt(orders.id, filters.startingAfter));
  if (filters.paymentLinkId) conditions.push(eq(orders.paymentLinkId, filters.paymentLinkId));
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.reference) conditions.push(eq(orders.reference, filters.reference));
  if (filters.createdGte) conditions.push(gte(orders.createdAt, filters.createdGte));
  if (filters.createdLte) conditions.push(lte(orders.createdAt, filters.createdLte));
  const rows = await db.select().from(orders).where(and(...conditions)).orderBy(desc(orders.id)).limit(filters.limit + 1);
  return toPage(rows, filters.limit);
}

export async function findRefund(db: Db, scope: MerchantScope, id: string): Promise<RefundRow | null> {
  const [row] = await db
    .select()
    .from(refunds)
    .where(and(whereScope(refunds, scope), eq(refunds.id, id)))
    .limit(1);
  return row ?? null;
}

export async function listRefundsForOrder(
  db: Db,
  scope: MerchantScope,
  orderId: string,
  filters: { limit: number; startingAfter?: string },
): Promise<Page<RefundRow>> {
  const conditions: SQL[] = [whereScope(refunds, scope), eq(refunds.orderId, orderId)];
  if (filters.startingAfter) conditions.push(lt(refunds.id, filters.startingAfter));
  const rows = await db.select().from(refunds).where(and(...conditions)).orderBy(desc(refunds.id)).limit(filters.limit + 1);
  return toPage(rows, filters.limit);
}
