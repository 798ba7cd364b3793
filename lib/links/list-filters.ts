// The list page's filters: a GET form, so its URL can be bookmarked and works without JavaScript. Pure.

export const LINKS_PAGE_SIZE = 20;

export interface LinkFilters {
  status: "all" | "active" | "inactive";
  q: string;
  /** Dates (YYYY-MM-DD), whole UTC days. */
  created_from: string;
  created_to: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters in a list URL, the `listPaymentLinks` params they mean, and what is wrong with them. */
export function parseLinkFilters(search: SearchParams): { filters: LinkFilters; params: Record<string, string>; errors: string[] } {
  const one = (name: string) => {
    const value = search[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
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
  const from = filters.created_from ? dayBound(filters.created_from, "start") : undefined;
  const to = filters.created_to ? dayBound(filters.created_to, "end") : undefined;
  if (from === null) errors.push("“Created from” must be a date.");
  else if (from) params.created_gte = from;
  if (to === null) errors.push("“Created to” must be a date.");
  else if (to) params.created_lte = to;
  if (from && to && from > to) errors.push("“Created from” must not be after “Created to”.");
  const startingAfter = one("starting_after");
  if (/^plink_[0-9A-Za-z]+$/.test(startingAfter)) params.starting_after = startingAfter;
  return { filters, params, errors };
}

/** A date's first or last millisecond in UTC, as an ISO time; null if it is not a real date. */
export function dayBound(date: string, bound: "start" | "end"): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const iso = `${date}T${bound === "start" ? "00:00:00.000" : "23:59:59.999"}Z`;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString() !== iso ? null : iso;
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
