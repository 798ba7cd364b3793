import type { Db } from "@/db/client";
import { listPaymentLinks as queryLinks } from "@/db/queries/payment-links";
import { listPaymentLinksSchema } from "@/lib/links/schemas";
import { toPaymentLinkObject, type PaymentLinkObject } from "@/lib/links/serialize";
import type { ListResult } from "@/lib/core/list-params";
import type { ServiceContext } from "@/lib/core/scope";
import { toDate } from "@/lib/core/timestamps";

/** A page of payment links as the API lists them (query parameters as strings, validated here). */
export async function listPaymentLinks(
  db: Db,
  ctx: ServiceContext,
  params: Record<string, string>,
): Promise<ListResult<PaymentLinkObject>> {
  const p = listPaymentLinksSchema.parse(params);
  const { rows, hasMore } = await queryLinks(db, ctx, {
    limit: p.limit,
    startingAfter: p.starting_after,
    active: p.active,
    q: p.q,
    createdGte: toDate(p.created_gte),
    createdLte: toDate(p.created_lte),
  });
  return { object: "list", url: "/api/v1/payment_links", data: rows.map((r) => toPaymentLinkObject(r, ctx.appUrl)), has_more: hasMore };
}
