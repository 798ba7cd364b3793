import type { Db } from "@/db/client";
import { displayPayment, displayPayments, findOrder, findRefund, listOrders as queryOrders, listRefundsForOrder } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { listOrdersSchema, listRefundsSchema } from "@/lib/orders/schemas";
import { toOrderObject, toRefundObject, type OrderObject, type RefundObject } from "@/lib/orders/serialize";
import type { ListResult } from "@/lib/core/list-params";
import { toDate } from "@/lib/core/timestamps";
import type { MerchantScope, ServiceContext } from "@/lib/core/scope";

export async function getOrder(db: Db, ctx: ServiceContext, id: string): Promise<OrderObject> {
  const order = await findOrder(db, ctx, id);
  if (!order) throw new AppError("resource_missing", `No such order: '${id}'.`, { param: "id" });
  return toOrderObject(order, await displayPayment(db, ctx, order), ctx.appUrl);
}

export async function listOrders(db: Db, ctx: ServiceContext, params: Record<string, string>): Promise<ListResult<OrderObject>> {
  const p = listOrdersSchema.parse(params);
  const { rows, hasMore } = await queryOrders(db, ctx, {
    limit: p.limit,
    startingAfter: p.starting_after,
    paymentLinkId: p.payment_link,
    status: p.status,
    reference: p.reference,
    createdGte: toDate(p.created_gte),
    createdLte: toDate(p.created_lte),
  });
  const shown = await displayPayments(db, ctx, rows);
  const data = rows.map((row) => toOrderObject(row, shown.get(row.id) ?? null, ctx.appUrl));
  return { object: "list", url: "/api/v1/orders", data, has_more: hasMore };
}

export async function listRefunds(db: Db, ctx: ServiceContext, orderId: string, params: Record<string, string>): Promise<ListResult<RefundObject>> {
  const p = listRefundsSchema.parse(params);
  const order = await findOrder(db, ctx, orderId);
  if (!order) throw new AppError("resource_missing", `No such order: '${orderId}'.`, { param: "id" });
  const { rows, hasMore } = await listRefundsForOrder(db, ctx, order.id, { limit: p.limit, startingAfter: p.starting_after });
  return { object: "list", url: `/api/v1/orders/${order.id}/refunds`, data: rows.map(toRefundObject), has_more: hasMore };
}

export async function getRefund(db: Db, scope: MerchantScope, id: string): Promise<RefundObject> {
  const refund = await findRefund(db, scope, id);
  if (!refund) throw new AppError("resource_missing", `No such refund: '${id}'.`, { param: "id" });
  return toRefundObject(refund);
}
