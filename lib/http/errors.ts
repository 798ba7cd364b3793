import { ZodError } from "zod";
import { AppError, errorBody, type ErrorBody } from "@/lib/errors";
import { errorForLog, type Logger } from "@/lib/logger";
import { appErrorFromZod } from "./zod-errors";

/**
 * Maps anything a handler threw to the documented error body. Only AppError and zod messages reach the
 * client; anything else is logged with the request id and answered as `internal_error`.
 */
export function toErrorResponse(error: unknown, log: Logger, requestId: string): Response {
  let status: number;
  let body: ErrorBody;
  if (error instanceof AppError) {
    status = error.status;
    body = error.toBody();
  } else if (error instanceof ZodError) {
    const mapped = appErrorFromZod(error);
    status = mapped.status;
    body = mapped.toBody();
  } else {
    log.error({ err: errorForLog(error) }, "unhandled error");
    status = 500;
    body = errorBody("internal_error", `Something went wrong on our side. Quote request id ${requestId} if you contact support.`);
  }
  return Response.json(body, { status, headers: { "x-request-id": requestId } });
}
