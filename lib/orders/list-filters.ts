// The orders page's filters: a GET form, so a filtered list can be bookmarked and works without JavaScript.
// Pure: it reads the URL and says which `listOrders` params it means; the service validates them again.

import { applyCreatedRange, searchParam, type SearchParams } from "@/lib/list-filters";
import type { OrderStatus } from "@/lib/core/statuses";
import { ORDER_STATUSES } from "@/lib/core/statuses";

export const ORDERS_PAGE_SIZE = 20;

export interface OrderFilters {
  payment_link: string;
  status: "all" | OrderStatus;
  reference: string;
  /** Dates (YYYY-MM-DD), whole UTC days. */
  created_from: string;
  created_to: string;
}

const LINK_ID = /^plink_[0-9A-Za-z]+$/;
const ORDER_ID = /^ord_[0-9A-Za-z]+$/;
const REFERENCE_MAX = 100;

function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

/** The filters in an orders URL, the `listOrders` params they mean, and what is wrong with them. */
export function parseOrderFilters(search: SearchParams): { filters: OrderFilters; params: Record<string, string>; errors: string[] } {
  const one = (name: string) => searchParam(search, name);
  const status = one("status");
  const filters: OrderFilters = {
    payment_link: one("payment_link"),
    status: isOrderStatus(status) ? status : "all",
    reference: one("reference"),
    created_from: one("created_from"),
    created_to: one("created_to"),
  };
  const params: Record<string, string> = { limit: String(ORDERS_PAGE_SIZE) };
  const errors: string[] = [];
  if (filters.payment_link && !LINK_ID.test(filters.payment_link)) errors.push("“Payment link” must be a link id, such as plink_0abc….");
  else if (filters.payment_link) params.payment_link = filters.payment_link;
  if (filters.status !== "all") params.status = filters.status;
  if (filters.reference.length > REFERENCE_MAX) errors.push(`“Reference” is at most ${REFERENCE_MAX} characters.`);
  else if (filters.reference) params.reference = filters.reference;
  applyCreatedRange(filters, params, errors);
  const startingAfter = one("starting_after");
  if (ORDER_ID.test(startingAfter)) params.starting_after = startingAfter;
  return { filters, params, errors };
}

/** The orders URL for these filters (only the ones set), optionally from a cursor. */
export function orderListHref(filters: Partial<OrderFilters>, startingAfter?: string): string {
  const query = new URLSearchParams();
  if (filters.payment_link) query.set("payment_link", filters.payment_link);
  if (filters.status && filters.status !== "all") query.set("status", filters.status);
  if (filters.reference) query.set("reference", filters.reference);
  if (filters.created_from) query.set("created_from", filters.created_from);
  if (filters.created_to) query.set("created_to", filters.created_to);
  if (startingAfter) query.set("starting_after", startingAfter);
  const text = query.toString();
  return text ? `/dashboard/orders?${text}` : "/dashboard/orders";
}

export function hasOrderFilters(filters: OrderFilters): boolean {
  return !!filters.payment_link || filters.status !== "all" || !!filters.reference || !!filters.created_from || !!filters.created_to;
}
