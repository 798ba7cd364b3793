import { ZodError } from "zod";
import { describeDatabaseUnavailable } from "@/db/unavailable";
import { AppError, errorBody, type ErrorBody } from "@/lib/core/errors";
import { errorForLog, type Logger } from "@/lib/logger";
import { appErrorFromZod } from "./zod-errors";

/** What a 503 asks clients to wait: a database restart takes seconds, a crash recovery a little more. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/**
 * Maps anything a handler threw to the documented error body. Only AppError and zod messages reach the
 * client. A database that cannot be reached (restarting, crashed, refusing connections) is answered 503
 * `service_unavailable` with Retry-After: the request did nothing, and the same request may be sent again
 * (with its Idempotency-Key). Anything else is logged with the request id and answered as `internal_error`.
 */
export function toErrorResponse(error: unknown, log: Logger, requestId: string): Response {
  let status: number;
  let body: ErrorBody;
  const headers: Record<string, string> = { "x-request-id": requestId };
  const unavailable = describeDatabaseUnavailable(error);
  if (error instanceof AppError) {
    status = error.status;
    body = error.toBody();
  } else if (error instanceof ZodError) {
    const mapped = appErrorFromZod(error);
    status = mapped.status;
    body = mapped.toBody();
  } else if (unavailable) {
    // Expected while the database restarts: a warning with the driver's code, not a stack trace per request.
    log.warn({ database: unavailable }, "database unavailable");
    status = 503;
    body = errorBody("service_unavailable", `The service is temporarily unavailable. Retry in a few seconds (request id ${requestId}).`);
    headers["retry-after"] = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
  } else {
    log.error({ err: errorForLog(error) }, "unhandled error");
    status = 500;
    body = errorBody("internal_error", `Something went wrong on our side. Quote request id ${requestId} if you contact support.`);
  }
  return Response.json(body, { status, headers });
}
