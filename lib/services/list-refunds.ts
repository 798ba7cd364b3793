import type { Db } from "@/db/client";
import { findOrder, listRefundsForOrder } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { listRefundsSchema } from "@/lib/orders/schemas";
import { toRefundObject, type RefundObject } from "@/lib/orders/serialize";
import type { ListResult } from "@/lib/core/list-params";
import type { ServiceContext } from "@/lib/core/scope";

export async function listRefunds(db: Db, ctx: ServiceContext, orderId: string, params: Record<string, string>): Promise<ListResult<RefundObject>> {
  const p = listRefundsSchema.parse(params);
  const order = await findOrder(db, ctx, orderId);
  if (!order) throw new AppError("resource_missing", `No such order: '${orderId}'.`, { param: "id" });
  const { rows, hasMore } = await listRefundsForOrder(db, ctx, order.id, { limit: p.limit, startingAfter: p.starting_after });
  return { object: "list", url: `/api/v1/orders/${order.id}/refunds`, data: rows.map(toRefundObject), has_more: hasMore };
}
