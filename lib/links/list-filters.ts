// The list page's filters: a GET form, so its URL can be bookmarked and works without JavaScript. Pure.

import { applyCreatedRange, searchParam, type SearchParams } from "@/lib/list-filters";

export const LINKS_PAGE_SIZE = 20;

export interface LinkFilters {
  status: "all" | "active" | "inactive";
  q: string;
  /** Dates (YYYY-MM-DD), whole UTC days. */
  created_from: string;
  created_to: string;
}

/** The filters in a list URL, the `listPaymentLinks` params they mean, and what is wrong with them. */
export function parseLinkFilters(search: SearchParams): { filters: LinkFilters; params: Record<string, string>; errors: string[] } {
  const one = (name: string) => searchParam(search, name);
  const status = one("status");
  const filters: LinkFilters = {
    status: status === "active" || status === "inactive" ? status : "all",
    q: one("q"),
    created_from: one("created_from"),
    created_to: one("created_to"),
  };
  const params: Record<string, string> = { limit: String(LINKS_PAGE_SIZE) };
  const errors: string[] = [];
  if (filters.status !== "all") params.active = String(filters.status === "active");
  if (filters.q.length > 200) errors.push("Search for at most 200 characters.");
  else if (filters.q) params.q = filters.q;
  applyCreatedRange(filters, params, errors);
  const startingAfter = one("starting_after");
  if (/^plink_[0-9A-Za-z]+$/.test(startingAfter)) params.starting_after = startingAfter;
  return { filters, params, errors };
}

/** The list URL for these filters (only the ones set), optionally from a cursor. */
export function linkListHref(filters: LinkFilters, startingAfter?: string): string {
  const query = new URLSearchParams();
  if (filters.status !== "all") query.set("status", filters.status);
  if (filters.q) query.set("q", filters.q);
  if (filters.created_from) query.set("created_from", filters.created_from);
  if (filters.created_to) query.set("created_to", filters.created_to);
  if (startingAfter) query.set("starting_after", startingAfter);
  const text = query.toString();
  return text ? `/dashboard/links?${text}` : "/dashboard/links";
}

export function hasLinkFilters(filters: LinkFilters): boolean {
  return filters.status !== "all" || !!filters.q || !!filters.created_from || !!filters.created_to;
}
