import { describe, expect, test } from "vitest";
import { z } from "zod";
import { createPaymentLinkSchema, listPaymentLinksSchema } from "@/lib/links/schemas";
import { listOrdersSchema } from "@/lib/orders/schemas";
import { appErrorFromZod, fieldErrors, fieldIssues, parameterPath } from "./field-errors";

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

// The dashboard forms' reading of the same walk (lib/forms.ts's fieldErrors before it moved here).
describe("fieldErrors: one message per field, as a form shows them", () => {
  const signUp = z.strictObject({
    email: z.email("Enter a valid email address."),
    password: z.string().min(8, "Use at least 8 characters.").max(10, "At most 10."),
    address: z.object({ city: z.string().min(1, "Enter a city.") }),
  });
  const issuesOf = (input: unknown) => signUp.safeParse(input).error!;

  test("each field gets its first issue's message, by its top-level key", () => {
    expect(fieldErrors(issuesOf({ email: "nope", password: "short", address: { city: "" } }))).toEqual({
      email: "Enter a valid email address.",
      password: "Use at least 8 characters.",
      address: "Enter a city.",
    });
  });

  test("a second issue on the same field does not replace the first", () => {
    const twice = z.object({ code: z.string().min(3, "Too short.").regex(/^\d+$/, "Digits only.") });
    expect(fieldErrors(twice.safeParse({ code: "a" }).error!)).toEqual({ code: "Too short." });
  });

  test("an issue about the whole input, or an unknown key (no input of the form holds it), falls on the form", () => {
    const whole = z.object({ a: z.string() }).refine(() => false, "Check the form.");
    expect(fieldErrors(whole.safeParse({ a: "x" }).error!)).toEqual({ form: "Check the form." });
    expect(Object.keys(fieldErrors(issuesOf({ email: "a@b.co", password: "password1", address: { city: "X" }, extra: 1 })))).toEqual(["form"]);
  });

  test("a caller names fields and words messages its own way; the first issue per name still wins", () => {
    const error = issuesOf({ email: "nope", password: "short", address: { city: "" } });
    expect(fieldErrors(error, { field: () => "email" })).toEqual({ email: "Enter a valid email address." });
    expect(fieldErrors(error, { field: (issue) => issue.path.join("_"), message: (issue) => issue.code })).toEqual({
      email: "invalid_format",
      password: "too_small",
      address_city: "too_small",
    });
  });

  test("fieldIssues keeps zod's order and the issue behind each message", () => {
    const issues = fieldIssues(issuesOf({ email: "nope", password: "x".repeat(11), address: { city: "" } }), { field: parameterPath });
    expect(issues.map(({ field, message, issue }) => [field, message, issue.code])).toEqual([
      ["email", "Enter a valid email address.", "invalid_format"],
      ["password", "At most 10.", "too_big"],
      ["address.city", "Enter a city.", "too_small"],
    ]);
  });
});

describe("parameterPath", () => {
  test("dotted for nested fields, the key itself for an unknown key, empty for the whole input", () => {
    const schema = z.strictObject({ a: z.strictObject({ b: z.number() }) });
    expect(parameterPath(schema.safeParse({ a: { b: "x" } }).error!.issues[0]!)).toBe("a.b");
    expect(parameterPath(schema.safeParse({ a: { b: 1, c: 2 } }).error!.issues[0]!)).toBe("a.c");
    expect(parameterPath(z.number().safeParse("x").error!.issues[0]!)).toBe("");
  });
});

describe("appErrorFromZod: missing or invalid", () => {
  const schema = z.strictObject({ name: z.string(), note: z.string().optional() });

  test("an absent required field is parameter_missing only when the input shows it absent", () => {
    const error = schema.safeParse({}).error!;
    expect(appErrorFromZod(error, {})).toMatchObject({ code: "parameter_missing", param: "name", message: "Missing required parameter: name." });
    // Without the input, absent and wrong cannot be told apart.
    expect(appErrorFromZod(error)).toMatchObject({ code: "parameter_invalid", param: "name" });
  });

  test("an issue about the whole input has no param, and its message as it is", () => {
    const error = z.object({ a: z.number() }).refine(() => false, "Nothing fits.").safeParse({ a: 1 }).error!;
    expect(appErrorFromZod(error, { a: 1 })).toMatchObject({ code: "parameter_invalid", param: null, message: "Nothing fits." });
  });

  test("no issues at all is still an answer", () => {
    expect(appErrorFromZod({ issues: [] })).toMatchObject({ code: "parameter_invalid", param: null, message: "Invalid request." });
  });
});
