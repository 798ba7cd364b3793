import type { Db } from "@/db/client";
import { findRefund } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { toRefundObject, type RefundObject } from "@/lib/orders/serialize";
import type { MerchantScope } from "@/lib/core/scope";

export async function getRefund(db: Db, scope: MerchantScope, id: string): Promise<RefundObject> {
  const refund = await findRefund(db, scope, id);
  if (!refund) throw new AppError("resource_missing", `No such refund: '${id}'.`, { param: "id" });
  return toRefundObject(refund);
}
