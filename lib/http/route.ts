import { randomUUID } from "node:crypto";
import { requestLogger, type Logger } from "@/lib/logger";
import { toErrorResponse } from "./errors";

export interface RouteContext<P> {
  params: P;
  requestId: string;
  log: Logger;
}

export interface RouteOptions<P> {
  /**
   * The route's pattern (`/o/[token]/pay`), which the access log then names instead of the path: for a path
   * that carries a secret, such as a checkout's token.
   */
  pattern?: string;
  /**
   * How an error the handler threw is answered. Default: the documented JSON error body (toErrorResponse);
   * the checkout's forms answer a browser with a page it can show instead.
   */
  onError?: (error: unknown, request: Request, context: RouteContext<P>) => Response;
}

/**
 * Wraps a route handler: a request-scoped logger, one access-log line with status and duration, and the
 * error mapping. Business rules stay in lib/services; the handler only parses and answers.
 */
export function route<P = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
  options: RouteOptions<P> = {},
) {
  const { pattern, onError = (error, _request, context) => toErrorResponse(error, context) } = options;
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const log = requestLogger(requestId);
    const started = performance.now();
    const context: RouteContext<P> = { params: await segment.params, requestId, log };
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      response = onError(error, request, context);
    }
    if (!response.headers.has("x-request-id")) response.headers.set("x-request-id", requestId);
    log.info(
      {
        method: request.method,
        ...(pattern ? { route: pattern } : { path: new URL(request.url).pathname }),
        status: response.status,
        durationMs: Math.round(performance.now() - started),
      },
      "request completed",
    );
    return response;
  };
}
