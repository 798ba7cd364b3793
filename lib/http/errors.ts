import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { describeDatabaseUnavailable } from "@/db/unavailable";
import { AppError, errorBody, type ErrorBody } from "@/lib/core/errors";
import { appErrorFromZod } from "@/lib/core/field-errors";
import { errorForLog, requestLogger, type Logger } from "@/lib/logger";

/** What a 503 asks clients to wait: a database restart takes seconds, a crash recovery a little more. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** `rate_limited`, with the seconds to wait that the answer's Retry-After carries. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = "Too many requests with this API key. Slow down and retry after the time in Retry-After.") {
    super("rate_limited", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface ErrorContext {
  /**
   * The request's id and logger. Only an unexpected error is logged; outside a route handler (the proxy's
   * answer to a malformed path) there is no request logger, and only an AppError is ever answered there.
   */
  requestId?: string;
  log?: Logger;
  /** What the request sent (its JSON body, or its query), where it was read: it tells a missing parameter from an invalid one. */
  input?: unknown;
}

/** The error a client is told about: an AppError itself, a zod refusal in the contract's terms; null for anything unexpected. */
export function toAppError(error: unknown, input?: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return appErrorFromZod(error, input);
  return null;
}

/** A JSON answer as the API sends it (a stored response is replayed byte for byte, so the body is text). */
export function jsonResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}

/**
 * The one mapping from anything a handler threw to the documented error body. Only AppError and zod messages
 * reach the client; a rate-limited request is told when to retry (Retry-After). A database that cannot be
 * reached (restarting, crashed, refusing connections) is answered 503 `service_unavailable` with Retry-After:
 * the request did nothing, and the same request may be sent again (with its Idempotency-Key). Anything else is
 * logged with the request id and answered as `internal_error`, never with its message or stack.
 */
export function toErrorResponse(error: unknown, context: ErrorContext = {}): Response {
  const expected = toAppError(error, context.input);
  if (expected) {
    const headers: Record<string, string> = context.requestId ? { "x-request-id": context.requestId } : {};
    if (expected instanceof RateLimitedError) headers["retry-after"] = String(expected.retryAfterSeconds);
    return jsonResponse(expected.status, JSON.stringify(expected.toBody()), headers);
  }
  // The same request id in the log line and in the answer, for support to find one from the other.
  const requestId = context.requestId ?? randomUUID();
  const log = context.log ?? requestLogger(requestId);
  const headers: Record<string, string> = { "x-request-id": requestId };
  let body: ErrorBody;
  const unavailable = describeDatabaseUnavailable(error);
  if (unavailable) {
    // Expected while the database restarts: a warning with the driver's code, not a stack trace per request.
    log.warn({ database: unavailable }, "database unavailable");
    body = errorBody("service_unavailable", `The service is temporarily unavailable. Retry in a few seconds (request id ${requestId}).`);
    headers["retry-after"] = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
  } else {
    log.error({ err: errorForLog(error) }, "unhandled error");
    body = errorBody("internal_error", `Something went wrong on our side. Quote request id ${requestId} if you contact support.`);
  }
  return jsonResponse(unavailable ? 503 : 500, JSON.stringify(body), headers);
}
