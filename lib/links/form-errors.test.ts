import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { fieldErrorsFromIssues, fieldForPath } from "./form-errors";
import { createPaymentLinkSchema } from "./schemas";

describe("errors from a service", () => {
  test("zod issue paths become form fields", () => {
    const error = createPaymentLinkSchema.safeParse({ item_name: "x", default_country: "US", custom_amount: { minimum: 9, maximum: 1 }, after_completion: { type: "message", message: "" } }).error;
    expect(error).toBeInstanceOf(ZodError);
    expect(fieldErrorsFromIssues(error!.issues)).toEqual({ custom_minimum: "minimum must not be above maximum.", after_completion_message: "Must not be empty." });
  });

  test.each([
    ["amount", "amount"],
    ["custom_amount.preset", "custom_preset"],
    ["after_completion.url", "after_completion_url"],
    ["metadata.unknown", "metadata"],
    ["", "form"],
  ])("AppError param %j → %s", (param, field) => {
    expect(fieldForPath(param)).toBe(field);
  });
});
