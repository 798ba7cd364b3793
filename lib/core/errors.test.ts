import { describe, expect, test } from "vitest";
import { AppError, ERROR_CODES, errorBody } from "./errors";

describe("AppError", () => {
  test.each([
    ["parameter_invalid", 400, "invalid_request_error"],
    ["api_key_missing", 401, "authentication_error"],
    ["resource_missing", 404, "invalid_request_error"],
    ["payment_link_inactive", 409, "invalid_request_error"],
    ["idempotency_key_reused", 422, "invalid_request_error"],
    ["rate_limited", 429, "rate_limit_error"],
    ["internal_error", 500, "api_error"],
  ] as const)("%s answers %i %s", (code, status, type) => {
    const error = new AppError(code, "m", { param: "amount" });
    expect(error.status).toBe(status);
    expect(error.toBody()).toEqual({ error: { type, code, message: "m", param: "amount" } });
  });

  test("param defaults to null", () => {
    expect(errorBody("invalid_json", "bad").error.param).toBeNull();
  });

  test("every code maps to a 4xx or 5xx status", () => {
    for (const { status } of Object.values(ERROR_CODES)) expect(status).toBeGreaterThanOrEqual(400);
  });
});
