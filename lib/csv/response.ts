// How the dashboard's CSV exports answer: the download's headers and name, and the list's filters read from the
// export URL exactly as the list page reads them.

import type { SearchParams } from "@/lib/list-filters";

/** A URL's query as a page's `searchParams` holds it (repeated names as arrays), for the list filter parsers. */
export function searchParamsOf(url: URL): SearchParams {
  const result: SearchParams = {};
  for (const name of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(name);
    result[name] = all.length === 1 ? all[0] : all;
  }
  return result;
}

/** A list's filter params without its paging: an export holds every matching row, not one page. */
export function withoutPaging(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => name !== "limit" && name !== "starting_after"));
}

/** "orders-live-2026-05-25.csv": what, which mode, and the UTC day it was taken. */
export function csvFileName(what: string, livemode: boolean, now: Date): string {
  return `${what}-${livemode ? "live" : "test"}-${now.toISOString().slice(0, 10)}.csv`;
}

/** A CSV download: never cached (it holds customers' details), saved under `fileName`. */
export function csvResponse(body: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}

/** Filters the list page would refuse: the file is not made, and the person is told why, in plain text. */
export function csvFilterErrorResponse(errors: string[]): Response {
  return new Response(`The export was not made: ${errors.join(" ")}\n`, {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
