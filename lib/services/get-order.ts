import type { Db } from "@/db/client";
import { displayPayment, findOrder } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { toOrderObject, type OrderObject } from "@/lib/orders/serialize";
import type { ServiceContext } from "@/lib/core/scope";

export async function getOrder(db: Db, ctx: ServiceContext, id: string): Promise<OrderObject> {
  const order = await findOrder(db, ctx, id);
  if (!order) throw new AppError("resource_missing", `No such order: '${id}'.`, { param: "id" });
  return toOrderObject(order, await displayPayment(db, ctx, order), ctx.appUrl);
}
