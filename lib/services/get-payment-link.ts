import type { Db } from "@/db/client";
import { findPaymentLink } from "@/db/queries/payment-links";
import { AppError } from "@/lib/core/errors";
import { toPaymentLinkObject, type PaymentLinkObject } from "@/lib/links/serialize";
import type { ServiceContext } from "@/lib/core/scope";

/** One of the merchant's links; another merchant's id is answered exactly like an unknown one. */
export async function getPaymentLink(db: Db, ctx: ServiceContext, id: string): Promise<PaymentLinkObject> {
  const row = await findPaymentLink(db, ctx, id);
  if (!row) throw new AppError("resource_missing", `No such payment link: '${id}'.`, { param: "id" });
  return toPaymentLinkObject(row, ctx.appUrl);
}
