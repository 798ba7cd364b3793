import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { fieldForPath, linkFieldErrors } from "./form-errors";
import { createPaymentLinkSchema } from "./schemas";

describe("errors from a service", () => {
  test("zod issue paths become form fields", () => {
    const error = createPaymentLinkSchema.safeParse({ item_name: "x", default_country: "US", custom_amount: { minimum: 9, maximum: 1 }, after_completion: { type: "message", message: "" } }).error;
    expect(error).toBeInstanceOf(ZodError);
    expect(linkFieldErrors(error!)).toEqual({ custom_minimum: "minimum must not be above maximum.", after_completion_message: "Must not be empty." });
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

describe("zod issues on the link forms' fields", () => {
  const valid = { item_name: "Matcha set", amount: 1500, currency: "USD", default_country: "US" };
  const rows = [{ key: "sku", value: "MT-1" }, { key: "k".repeat(41), value: "x" }];

  test("a metadata key or value lands on its row's own input", () => {
    const error = createPaymentLinkSchema.safeParse({ ...valid, metadata: { sku: "v".repeat(501), ["k".repeat(41)]: "x" } }).error!;
    expect(linkFieldErrors(error, rows)).toEqual({
      metadata_value_0: "Metadata values are at most 500 characters.",
      metadata_key_1: "Metadata keys are at most 40 characters.",
    });
  });

  test("zod's default wording is said the way the forms speak; an item's issue falls on its list", () => {
    const error = createPaymentLinkSchema.safeParse({ ...valid, item_name: "", payment_methods: ["card", "fax"] }).error!;
    expect(linkFieldErrors(error)).toEqual({ item_name: "Must not be empty.", payment_methods: "Choose one of the options offered." });
  });
});
