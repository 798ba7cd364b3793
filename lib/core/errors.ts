/** Error codes of the API contract (shared/spec/API.md), with their HTTP status and error type. */
export const ERROR_CODES = {
  parameter_invalid: { status: 400, type: "invalid_request_error" },
  parameter_missing: { status: 400, type: "invalid_request_error" },
  parameter_unknown: { status: 400, type: "invalid_request_error" },
  invalid_json: { status: 400, type: "invalid_request_error" },
  api_key_missing: { status: 401, type: "authentication_error" },
  api_key_invalid: { status: 401, type: "authentication_error" },
  /** A processor notification whose signature is not its processor's (or too old). */
  signature_invalid: { status: 401, type: "authentication_error" },
  forbidden: { status: 403, type: "invalid_request_error" },
  resource_missing: { status: 404, type: "invalid_request_error" },
  idempotency_key_in_use: { status: 409, type: "invalid_request_error" },
  order_not_voidable: { status: 409, type: "invalid_request_error" },
  order_not_capturable: { status: 409, type: "invalid_request_error" },
  order_not_refundable: { status: 409, type: "invalid_request_error" },
  order_not_cancelable: { status: 409, type: "invalid_request_error" },
  payment_link_inactive: { status: 409, type: "invalid_request_error" },
  order_not_payable: { status: 409, type: "invalid_request_error" },
  livemode_unavailable: { status: 409, type: "invalid_request_error" },
  resource_conflict: { status: 409, type: "invalid_request_error" },
  resource_limit_reached: { status: 409, type: "invalid_request_error" },
  idempotency_key_reused: { status: 422, type: "invalid_request_error" },
  refund_exceeds_refundable_amount: { status: 422, type: "invalid_request_error" },
  capture_exceeds_authorized_amount: { status: 422, type: "invalid_request_error" },
  rate_limited: { status: 429, type: "rate_limit_error" },
  internal_error: { status: 500, type: "api_error" },
  service_unavailable: { status: 503, type: "api_error" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The one error type services throw for an expected failure. Its message is written for the client and is
 * the only error text that ever reaches one.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly param: string | null;

  constructor(code: ErrorCode, message: string, options: { param?: string | null } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.param = options.param ?? null;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.param);
  }
}

export interface ErrorBody {
  error: { type: string; code: ErrorCode; message: string; param: string | null };
}

export function errorBody(code: ErrorCode, message: string, param: string | null = null): ErrorBody {
  return { error: { type: ERROR_CODES[code].type, code, message, param } };
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
