import { describe, expect, test } from "vitest";
import { createPaymentLinkSchema, listPaymentLinksSchema } from "@/lib/links/schemas";
import { listOrdersSchema } from "@/lib/orders/schemas";
import { appErrorFromZod } from "./zod-errors";

function errorFor(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a validation error");
  return appErrorFromZod(result.error as never, input);
}

const valid = { item_name: "Coffee", amount: 450, currency: "USD", default_country: "US" };

describe("appErrorFromZod on payment-link input", () => {
  test.each([
    [{ ...valid, colour: "red" }, "parameter_unknown", "colour"],
    [{ ...valid, custom_amount: { minimum: 1, extra: 2 }, amount: null }, "parameter_unknown", "custom_amount.extra"],
    [{ amount: 450, currency: "USD", default_country: "US" }, "parameter_missing", "item_name"],
    [{ item_name: "Coffee", currency: "USD", default_country: "US" }, "parameter_missing", "amount"],
    [{ ...valid, amount: 4.5 }, "parameter_invalid", "amount"],
    [{ ...valid, amount: 0 }, "parameter_invalid", "amount"],
    [{ ...valid, amount: -1 }, "parameter_invalid", "amount"],
    [{ ...valid, amount: "450" }, "parameter_invalid", "amount"],
    [{ ...valid, amount: 1e20 }, "parameter_invalid", "amount"],
    [{ ...valid, currency: "usd" }, "parameter_invalid", "currency"],
    [{ ...valid, currency: "XXX" }, "parameter_invalid", "currency"],
    [{ ...valid, default_country: "ZZ" }, "parameter_invalid", "default_country"],
    [{ ...valid, payment_methods: [] }, "parameter_invalid", "payment_methods"],
    [{ ...valid, payment_methods: ["card", "card"] }, "parameter_invalid", "payment_methods"],
    [{ ...valid, payment_methods: ["cash"] }, "parameter_invalid", "payment_methods.0"],
    [{ ...valid, custom_amount: { minimum: 500 } }, "parameter_invalid", "amount"],
    [{ ...valid, amount: null, custom_amount: { minimum: 500, maximum: 100 } }, "parameter_invalid", "custom_amount.minimum"],
    [{ ...valid, amount: null, custom_amount: { minimum: 500, preset: 100 } }, "parameter_invalid", "custom_amount.preset"],
    [{ ...valid, after_completion: { type: "redirect", url: "javascript:alert(1)" } }, "parameter_invalid", "after_completion.url"],
    [{ ...valid, after_completion: { type: "popup" } }, "parameter_invalid", "after_completion.type"],
    [{ ...valid, expires_at: "tomorrow" }, "parameter_invalid", "expires_at"],
    [{ ...valid, metadata: { k: 1 } }, "parameter_invalid", "metadata.k"],
    [{ ...valid, metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) }, "parameter_invalid", "metadata"],
    [{ ...valid, expires_at: "9999-12-31T23:59:59-23:59" }, "parameter_invalid", "expires_at"],
  ])("%j → %s (%s)", (input, code, param) => {
    const error = errorFor(createPaymentLinkSchema, input);
    expect(error.code).toBe(code);
    expect(error.param).toBe(param);
    expect(error.message.length).toBeGreaterThan(5);
  });

  test("a huge max_payments is refused in the field's own words, not with zod's 2^53 limit", () => {
    const error = errorFor(createPaymentLinkSchema, { ...valid, max_payments: 2 ** 63 });
    expect([error.code, error.param, error.message]).toEqual(["parameter_invalid", "max_payments", "Invalid max_payments: Must be an integer from 1 to 1,000,000,000."]);
  });

  test("a valid body passes", () => {
    expect(createPaymentLinkSchema.safeParse(valid).success).toBe(true);
    expect(createPaymentLinkSchema.safeParse({ ...valid, amount: null, custom_amount: { minimum: 500, maximum: 100000, preset: 2000 } }).success).toBe(true);
  });
});

describe("list parameters", () => {
  test.each([
    [{ limit: "0" }, "parameter_invalid", "limit"],
    [{ limit: "101" }, "parameter_invalid", "limit"],
    [{ limit: "ten" }, "parameter_invalid", "limit"],
    [{ active: "yes" }, "parameter_invalid", "active"],
    [{ starting_after: "ord_123" }, "parameter_invalid", "starting_after"],
    [{ sort: "name" }, "parameter_unknown", "sort"],
    [{ limit: "0x10" }, "parameter_invalid", "limit"],
    [{ limit: "1e1" }, "parameter_invalid", "limit"],
    [{ limit: "-5" }, "parameter_invalid", "limit"],
    // PostgreSQL has no year 0, and JavaScript writes year 10000 as "+010000": both failed the query.
    [{ created_gte: "0000-01-01T00:00:00Z" }, "parameter_invalid", "created_gte"],
    [{ created_gte: "0001-01-01T00:00:00+23:59" }, "parameter_invalid", "created_gte"],
    [{ created_lte: "9999-12-31T23:59:59-23:59" }, "parameter_invalid", "created_lte"],
  ])("%j → %s", (input, code, param) => {
    const error = errorFor(listPaymentLinksSchema, input);
    expect([error.code, error.param]).toEqual([code, param]);
  });

  test("times from year 0001 to 9999 pass", () => {
    expect(listPaymentLinksSchema.safeParse({ created_gte: "0001-01-01T00:00:00Z", created_lte: "9999-12-31T23:59:59.999Z" }).success).toBe(true);
    expect(listOrdersSchema.safeParse({ created_gte: "0001-01-01T00:00:00+23:59" }).success).toBe(false);
  });

  test("limit defaults to 20", () => {
    expect(listPaymentLinksSchema.parse({}).limit).toBe(20);
  });
});
