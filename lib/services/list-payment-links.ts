import type { Db } from "@/db/client";
import { listPaymentLinks as queryLinks } from "@/db/queries/payment-links";
import { listPaymentLinksSchema } from "@/lib/links/schemas";
import { toPaymentLinkObject, type PaymentLinkObject } from "@/lib/links/serialize";
import type { ServiceContext } from "./scope";

export interface ListResult<T> {
  object: "list";
  url: string;
  data: T[];
  has_more: boolean;
}

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
    createdGte: p.created_gte ? new Date(p.created_gte) : undefined,
    createdLte: p.created_lte ? new Date(p.created_lte) : undefined,
  });
  return { object: "list", url: "/api/v1/payment_links", data: rows.map((r) => toPaymentLinkObject(r, ctx.appUrl)), has_more: hasMore };
}
