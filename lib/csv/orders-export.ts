import { and, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listOrders } from "@/db/queries/orders";
import { payments, type OrderRow } from "@/db/schema";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import { toDate } from "@/lib/core/timestamps";
import { listOrdersSchema } from "@/lib/orders/schemas";
import { decimalCell, type CsvValue } from "./encode";
import { CSV_BATCH_SIZE, csvStream, type CsvStreamOptions } from "./stream";

/** The orders list's filters (`listOrders`' params, as parseOrderFilters gives them), without its paging. */
export const exportOrdersSchema = listOrdersSchema.omit({ limit: true, starting_after: true });

export const ORDER_CSV_HEADER = [
  "id",
  "created_at",
  "status",
  "amount",
  "currency",
  "amount_decimal",
  "amount_refunded",
  "amount_refunded_decimal",
  "item_name",
  "reference",
  "payment_link",
  "customer_email",
  "customer_name",
  "customer_country",
  "payment_method",
  "paid_at",
  // Last, so the columns before keep their places for readers that go by position.
  "application_fee_amount",
  "application_fee_amount_decimal",
] as const;

/**
 * Every order of the merchant in one mode that the list's filters match, newest first, as a CSV stream. Read in
 * batches with the list's own query (keyset pagination on `id`, over the orders' (merchant_id, livemode, id)
 * index), so the file has the list's rows in the list's order, and a million of them never sit in memory.
 * `payment_method` is the method of the payment that paid the order (empty while none has);
 * `application_fee_amount` is the platform's fee on a connected merchant's order (empty when there is none).
 */
export async function exportOrdersCsv(
  db: Db,
  scope: MerchantScope,
  params: Record<string, string>,
  options: CsvStreamOptions & { batchSize?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  const p = exportOrdersSchema.parse(params);
  const filters = {
    paymentLinkId: p.payment_link,
    status: p.status,
    reference: p.reference,
    createdGte: toDate(p.created_gte),
    createdLte: toDate(p.created_lte),
  };
  const limit = options.batchSize ?? CSV_BATCH_SIZE;
  return csvStream(
    ORDER_CSV_HEADER,
    async (cursor) => {
      const { rows, hasMore } = await listOrders(db, scope, { ...filters, limit, startingAfter: cursor });
      const methods = await paymentMethods(db, scope, rows);
      return { records: rows.map((row) => orderRecord(row, row.paymentId ? (methods.get(row.paymentId) ?? null) : null)), next: hasMore ? rows.at(-1)!.id : null };
    },
    options,
  );
}

/** The method of each paying payment of a batch of orders, in one query by primary key. */
async function paymentMethods(db: Db, scope: MerchantScope, rows: OrderRow[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((row) => (row.paymentId ? [row.paymentId] : []));
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: payments.id, method: payments.method })
    .from(payments)
    .where(and(whereScope(payments, scope), inArray(payments.id, ids)));
  return new Map(found.map((p) => [p.id, p.method]));
}

export function orderRecord(row: OrderRow, paymentMethod: string | null): CsvValue[] {
  return [
    row.id,
    row.createdAt,
    row.status,
    row.amount,
    row.currency,
    decimalCell(row.amount, row.currency),
    row.amountRefunded,
    decimalCell(row.amountRefunded, row.currency),
    row.itemName,
    row.reference,
    row.paymentLinkId,
    row.customerEmail,
    row.customerName,
    row.customerCountry,
    paymentMethod,
    row.paidAt,
    row.applicationFeeAmount,
    decimalCell(row.applicationFeeAmount, row.currency),
  ];
}
