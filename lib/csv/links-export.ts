import type { Db } from "@/db/client";
import { listPaymentLinks } from "@/db/queries/payment-links";
import type { PaymentLinkRow } from "@/db/schema";
import type { MerchantScope } from "@/lib/core/scope";
import { toDate } from "@/lib/core/timestamps";
import { listPaymentLinksSchema } from "@/lib/links/schemas";
import { checkoutUrl } from "@/lib/links/serialize";
import { decimalCell, type CsvValue } from "./encode";
import { CSV_BATCH_SIZE, csvStream, type CsvStreamOptions } from "./stream";

/** The links list's filters (`listPaymentLinks`' params, as parseLinkFilters gives them), without its paging. */
export const exportPaymentLinksSchema = listPaymentLinksSchema.omit({ limit: true, starting_after: true });

export const LINK_CSV_HEADER = [
  "id",
  "created_at",
  "name",
  "item_name",
  "active",
  "amount",
  "currency",
  "amount_decimal",
  "visit_count",
  "pay_count",
  "success_amount",
  "success_amount_decimal",
  "url",
  // Last, so the columns before keep their places for readers that go by position.
  "application_fee_amount",
  "application_fee_amount_decimal",
] as const;

/**
 * Every payment link of the merchant in one mode that the list's filters match, newest first, as a CSV stream,
 * read in batches with the list's own query (keyset pagination on `id`). `amount` is empty for a link whose
 * buyer chooses the amount; `application_fee_amount` (the platform's fee on each order paid through a connected
 * merchant's link) is empty when there is none.
 */
export async function exportPaymentLinksCsv(
  db: Db,
  scope: MerchantScope & { appUrl: string },
  params: Record<string, string>,
  options: CsvStreamOptions & { batchSize?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  const p = exportPaymentLinksSchema.parse(params);
  const filters = { active: p.active, q: p.q, createdGte: toDate(p.created_gte), createdLte: toDate(p.created_lte) };
  const limit = options.batchSize ?? CSV_BATCH_SIZE;
  const merchant = { merchantId: scope.merchantId, livemode: scope.livemode };
  return csvStream(
    LINK_CSV_HEADER,
    async (cursor) => {
      const { rows, hasMore } = await listPaymentLinks(db, merchant, { ...filters, limit, startingAfter: cursor });
      return { records: rows.map((row) => linkRecord(row, scope.appUrl)), next: hasMore ? rows.at(-1)!.id : null };
    },
    options,
  );
}

export function linkRecord(row: PaymentLinkRow, appUrl: string): CsvValue[] {
  return [
    row.id,
    row.createdAt,
    row.name,
    row.itemName,
    row.active,
    row.amount,
    row.currency,
    decimalCell(row.amount, row.currency),
    row.visitCount,
    row.payCount,
    row.successAmount,
    decimalCell(row.successAmount, row.currency),
    checkoutUrl(appUrl, row.token),
    row.applicationFeeAmount,
    decimalCell(row.applicationFeeAmount, row.currency),
  ];
}
