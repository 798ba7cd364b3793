import { randomUUID } from "node:crypto";
import { requestLogger, type Logger } from "@/lib/logger";
import { toErrorResponse } from "./errors";

export interface RouteContext<P> {
  params: P;
  requestId: string;
  log: Logger;
}

/**
 * Wraps a route handler: a request-scoped logger, one access-log line with status and duration, and the
 * error mapping. Business rules stay in lib/services; the handler only parses and answers.
 */
export function route<P = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const log = requestLogger(requestId);
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(request, { params: await segment.params, requestId, log });
    } catch (error) {
      response = toErrorResponse(error, { requestId, log });
    }
    if (!response.headers.has("x-request-id")) response.headers.set("x-request-id", requestId);
    log.info(
      {
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
      },
      "request completed",
    );
    return response;
  };
}
