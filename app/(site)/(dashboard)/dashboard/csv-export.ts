import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { csvFileName, csvFilterErrorResponse, csvResponse, searchParamsOf, withoutPaging } from "@/lib/csv/response";
import type { CsvStreamOptions } from "@/lib/csv/stream";
import type { SearchParams } from "@/lib/list-filters";
import { toErrorResponse } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { errorForLog } from "@/lib/logger";

/**
 * A dashboard list's CSV export as a route handler: `context` reads the session (a signed-out request is sent
 * to the sign-in page by proxy.ts, or by getDashboardContext's redirect when its session row is gone: never
 * data), the list's own filter parser reads the URL, and `stream` writes the file, scoped to the merchant and
 * mode of the session.
 */
export function csvExportRoute<C extends { livemode: boolean }>(options: {
  what: string;
  context: () => Promise<C>;
  parseFilters: (search: SearchParams) => { params: Record<string, string>; errors: string[] };
  stream: (db: Db, ctx: C, filters: Record<string, string>, options: CsvStreamOptions) => Promise<ReadableStream<Uint8Array>>;
}) {
  return route(
    async (request, { log }) => {
      const ctx = await options.context();
      const { params, errors } = options.parseFilters(searchParamsOf(new URL(request.url)));
      if (errors.length) return csvFilterErrorResponse(errors);
      const body = await options.stream(await getDb(), ctx, withoutPaging(params), {
        signal: request.signal,
        onError: (error) => log.error({ err: errorForLog(error) }, "csv export broke off"),
      });
      return csvResponse(body, csvFileName(options.what, ctx.livemode, new Date()));
    },
    {
      onError: (error, _request, context) => {
        // The sign-in redirect is Next.js's to answer, not an error.
        unstable_rethrow(error);
        return toErrorResponse(error, context);
      },
    },
  );
}
