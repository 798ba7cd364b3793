import { AppError } from "@/lib/core/errors";
import { toErrorResponse } from "./errors";

// A method or path the API does not serve. Stripe's answer, in the contract's shape: a JSON 404 naming the
// request, rather than Next's empty 405 or its HTML 404 page.

export function unrecognizedRequestError(request: Request): AppError {
  const path = new URL(request.url).pathname;
  return new AppError("resource_missing", `Unrecognized request URL (${request.method}: ${path}).`);
}

/** A route handler for every method a route does not implement (exported as PUT, DELETE … there). */
export function unrecognizedRequest(request: Request): Response {
  // No request logger is needed (an AppError is never logged), so the proxy can answer with this too.
  return toErrorResponse(unrecognizedRequestError(request));
}
