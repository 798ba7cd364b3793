import type { Db } from "@/db/client";
import { displayPayments, listOrders as queryOrders } from "@/db/queries/orders";
import { listOrdersSchema } from "@/lib/orders/schemas";
import { toOrderObject, type OrderObject } from "@/lib/orders/serialize";
import type { ListResult } from "@/lib/core/list-params";
import { toDate } from "@/lib/core/timestamps";
import type { ServiceContext } from "@/lib/core/scope";

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
