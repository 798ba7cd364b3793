// What the dashboard's list filters share: reading a GET form's query string and its "created" date range.
// Pure, so the links and orders filters (lib/links/list-filters.ts, lib/orders/list-filters.ts) stay small.

export type SearchParams = Record<string, string | string[] | undefined>;

/** A query parameter's first value, trimmed; "" when absent. */
export function searchParam(search: SearchParams, name: string): string {
  const value = search[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** A date's first or last millisecond in UTC, as an ISO time; null if it is not a real date. */
export function dayBound(date: string, bound: "start" | "end"): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const iso = `${date}T${bound === "start" ? "00:00:00.000" : "23:59:59.999"}Z`;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString() !== iso ? null : iso;
}

/**
 * Turns the "Created from / to" dates (whole UTC days) into `created_gte` / `created_lte` params, or says what
 * is wrong with them.
 */
export function applyCreatedRange(
  range: { created_from: string; created_to: string },
  params: Record<string, string>,
  errors: string[],
): void {
  const from = range.created_from ? dayBound(range.created_from, "start") : undefined;
  const to = range.created_to ? dayBound(range.created_to, "end") : undefined;
  if (from === null) errors.push("“Created from” must be a date.");
  else if (from) params.created_gte = from;
  if (to === null) errors.push("“Created to” must be a date.");
  else if (to) params.created_lte = to;
  if (from && to && from > to) errors.push("“Created from” must not be after “Created to”.");
}
