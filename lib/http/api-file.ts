import type { Db } from "@/db/client";
import type { ServiceContext } from "@/lib/core/scope";
import type { Logger } from "@/lib/logger";
import { openApiRequest } from "./api";
import { toErrorResponse } from "./errors";
import { fileResponse, type FileAnswer } from "./file-response";
import { route } from "./route";

// A GET of the API whose answer is a file (an order's invoice PDF) instead of JSON: the same secret-key
// authentication, per-key rate limit and error answers (the documented JSON error body) as apiRoute
// (./api.ts, openApiRequest), without what only JSON requests have (a body, idempotency).

export interface ApiFileRequest<P> {
  db: Db;
  ctx: ServiceContext & { apiKeyId: string };
  params: P;
  /** The query string as plain strings. */
  query: Record<string, string>;
  log: Logger;
}

export function apiFileRoute<P = Record<string, never>>(handler: (req: ApiFileRequest<P>) => Promise<FileAnswer>) {
  return route<P>(async (request, { params, log, requestId }) => {
    let query: Record<string, string> = {};
    try {
      const opened = await openApiRequest(request, params);
      query = opened.query;
      const { db, ctx } = opened;
      return fileResponse(await handler({ db, ctx, params, query, log: log.child({ merchantId: ctx.merchantId }) }));
    } catch (error) {
      return toErrorResponse(error, { requestId, log, input: query });
    }
  });
}
