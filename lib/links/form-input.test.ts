import { describe, expect, test } from "vitest";
import { createForm as form, editForm, LINK } from "./form-fixtures";
import { parseCreateLinkForm, parseUpdateLinkForm } from "./form-input";
import type { CreatePaymentLinkInput } from "./schemas";

const NOW = new Date("2026-05-25T10:00:00.000Z");

function created(fields: Record<string, string | string[] | undefined>): CreatePaymentLinkInput {
  const result = parseCreateLinkForm(form(fields), NOW);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.input;
}

function refused(fields: Record<string, string | string[] | undefined>): Record<string, string> {
  const result = parseCreateLinkForm(form(fields), NOW);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.input)}`);
  return result.errors;
}

describe("create form: fixed amounts in the currency's minor unit", () => {
  test.each([
    ["USD", "19.99", 1999],
    ["USD", "1,234.5", 123450],
    ["USD", "7", 700],
    ["JPY", "1500", 1500],
    ["JPY", "1,500", 1500],
    ["KWD", "1.25", 1250],
    ["KWD", "0.005", 5],
    ["CLF", "1.2345", 12345],
  ])("%s %s → %i", (currency, amount, minor) => {
    expect(created({ currency, amount })).toMatchObject({ amount: minor, currency });
  });

  test.each([
    ["JPY", "12.5", "JPY has no decimals: enter a whole amount, such as 1500."],
    ["JPY", "1500.0", "JPY has no decimals: enter a whole amount, such as 1500."],
    ["USD", "19.999", "USD has at most 2 decimals, such as 19.99."],
    ["KWD", "1.2345", "KWD has at most 3 decimals, such as 19.999."],
    ["USD", "", "Enter an amount."],
    ["USD", "abc", "Enter an amount such as 19.99."],
    ["USD", "19,99", "Enter an amount such as 19.99."],
    ["USD", "0", "Must be greater than zero."],
    ["USD", "-5", "Must be greater than zero."],
    ["USD", "1000000000000", "That amount is too large."],
  ])("%s %j is refused: %s", (currency, amount, message) => {
    expect(refused({ currency, amount })).toEqual({ amount: message });
  });

  test("an unknown currency is refused on the currency, not the amount", () => {
    expect(refused({ currency: "XYZ", amount: "12" })).toEqual({ currency: "Choose a currency." });
  });
});

describe("create form: the customer chooses the amount", () => {
  test.each([
    [{ custom_minimum: "5", custom_maximum: "1000", custom_preset: "20" }, "USD", { minimum: 500, maximum: 100000, preset: 2000 }],
    [{ custom_minimum: "500" }, "JPY", { minimum: 500 }],
    [{ custom_maximum: "10.5" }, "KWD", { maximum: 10500 }],
    [{ custom_preset: "3.00", custom_minimum: " ", custom_maximum: "" }, "USD", { preset: 300 }],
    [{ custom_minimum: "", custom_maximum: "", custom_preset: "" }, "USD", {}],
  ])("%j in %s → %j", (fields, currency, customAmount) => {
    const input = created({ pricing: "custom", amount: "not read", currency, ...fields });
    expect(input.custom_amount).toEqual(customAmount);
    expect(input.amount).toBeUndefined();
  });

  test.each([
    [{ custom_minimum: "12.5", currency: "JPY" }, { custom_minimum: "JPY has no decimals: enter a whole amount, such as 1500." }],
    [{ custom_minimum: "50", custom_maximum: "10" }, { custom_minimum: "minimum must not be above maximum." }],
    [{ custom_minimum: "5", custom_maximum: "10", custom_preset: "20" }, { custom_preset: "preset must lie between minimum and maximum." }],
  ])("%j is refused with %j", (fields, errors) => {
    expect(refused({ pricing: "custom", amount: "", ...fields })).toEqual(errors);
  });
});

describe("create form: the other options", () => {
  test("a minimal submission keeps the service's defaults", () => {
    expect(created({})).toEqual({
      item_name: "Matcha set",
      amount: 1999,
      currency: "USD",
      default_country: "US",
      collect_email: true,
      collect_name: true,
      payment_methods: ["card"],
    });
  });

  test("every option", () => {
    expect(
      created({
        name: " Spring promo ",
        description: " Ceremonial grade ",
        collect_email: undefined,
        collect_name: undefined,
        payment_methods: ["alipay", "card", "wechat_pay"],
        expires_at: "2026-12-31T18:30",
        max_payments: "100",
        after_completion_type: "redirect",
        after_completion_url: " https://shop.example/thanks ",
        after_completion_message: "ignored",
        status_callback_url: "https://shop.example/hooks",
        metadata_key_0: "sku",
        metadata_value_0: "MT-1",
        metadata_key_1: "",
        metadata_value_1: "",
        metadata_key_2: " campaign ",
        metadata_value_2: " spring ",
      }),
    ).toEqual({
      name: "Spring promo",
      item_name: "Matcha set",
      description: "Ceremonial grade",
      amount: 1999,
      currency: "USD",
      default_country: "US",
      collect_email: false,
      collect_name: false,
      payment_methods: ["alipay", "card", "wechat_pay"],
      expires_at: "2026-12-31T18:30:00.000Z",
      max_payments: 100,
      after_completion: { type: "redirect", url: "https://shop.example/thanks" },
      status_callback_url: "https://shop.example/hooks",
      metadata: { sku: "MT-1", campaign: "spring" },
    });
  });

  test("a completion message", () => {
    expect(created({ after_completion_message: " Thanks! " }).after_completion).toEqual({ type: "message", message: "Thanks!" });
  });

  test.each<[Record<string, string | string[] | undefined>, Record<string, string>]>([
    [{ payment_methods: undefined }, { payment_methods: "Offer at least one payment method." }],
    [{ payment_methods: ["card", "cash"] }, { payment_methods: "Choose one of the options offered." }],
    [{ item_name: "  " }, { item_name: "Must not be empty." }],
    [{ item_name: undefined }, { item_name: "Must not be empty." }],
    [{ default_country: "ZZ" }, { default_country: "Must be an upper-case ISO 3166-1 alpha-2 country code, such as US." }],
    [{ expires_at: "2026-02-30T10:00" }, { expires_at: "Enter a date and time, such as 2026-12-31 18:00." }],
    [{ expires_at: "tomorrow" }, { expires_at: "Enter a date and time, such as 2026-12-31 18:00." }],
    [{ expires_at: "2026-05-25T09:59" }, { expires_at: "Choose a time in the future." }],
    [{ max_payments: "1.5" }, { max_payments: "Enter a whole number of payments, such as 100." }],
    [{ max_payments: "0" }, { max_payments: "Must be at least 1." }],
    [{ max_payments: "2000000000" }, { max_payments: "Must be at most 1,000,000,000." }],
    [{ after_completion_type: "redirect", after_completion_url: "" }, { after_completion_url: "Must be an absolute http(s) URL." }],
    [{ after_completion_type: "redirect", after_completion_url: "ftp://x.example" }, { after_completion_url: "Must be an absolute http(s) URL." }],
    [{ status_callback_url: "not a url" }, { status_callback_url: "Must be an absolute http(s) URL." }],
    [{ name: "x".repeat(201) }, { name: "Must be at most 200 characters." }],
  ])("%j is refused with %j", (fields, errors) => {
    expect(refused(fields)).toEqual(errors);
  });

  test("several problems are reported together", () => {
    expect(Object.keys(refused({ item_name: "", currency: "JPY", amount: "12.5", payment_methods: undefined })).sort()).toEqual([
      "amount",
      "item_name",
      "payment_methods",
    ]);
  });
});

describe("create form: metadata rows", () => {
  test.each<[Record<string, string>, Record<string, string> | undefined]>([
    [{ metadata_key_0: "", metadata_value_0: "" }, undefined],
    [{ metadata_key_0: "a", metadata_value_0: "1", metadata_key_5: "b", metadata_value_5: "2" }, { a: "1", b: "2" }],
    [{ metadata_key_3: "order", metadata_value_3: "  42 " }, { order: "42" }],
  ])("%j → %j", (rows, metadata) => {
    expect(created(rows).metadata).toEqual(metadata);
  });

  test.each<[Record<string, string>, Record<string, string>]>([
    [{ metadata_key_0: "", metadata_value_0: "orphan" }, { metadata_key_0: "Give this value a key, or clear the row." }],
    [{ metadata_key_1: "lonely", metadata_value_1: "" }, { metadata_value_1: "Give this key a value, or clear the row." }],
    [{ metadata_key_0: "a", metadata_value_0: "1", metadata_key_1: "a", metadata_value_1: "2" }, { metadata_key_1: "The key “a” is already used above." }],
    [{ metadata_key_0: "a", metadata_value_0: "1", metadata_key_2: "k".repeat(41), metadata_value_2: "v" }, { metadata_key_2: "Metadata keys are at most 40 characters." }],
    [{ metadata_key_1: "a", metadata_value_1: "v".repeat(501) }, { metadata_value_1: "Metadata values are at most 500 characters." }],
  ])("%j is refused with %j", (rows, errors) => {
    expect(refused(rows)).toEqual(errors);
  });

  test("more than 20 keys", () => {
    const rows = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [[`metadata_key_${i}`, `k${i}`], [`metadata_value_${i}`, "v"]]).flat());
    expect(refused(rows)).toEqual({ metadata: "At most 20 metadata keys." });
  });
});

describe("edit form: only what changed is sent", () => {
  test.each<[string, Record<string, string | string[] | undefined>, Record<string, unknown>]>([
    ["nothing", {}, {}],
    ["payment methods in another order", { payment_methods: ["card", "alipay"] }, {}],
    ["disabled", { active: undefined }, { active: false }],
    ["renamed", { name: " Summer promo " }, { name: "Summer promo" }],
    ["a description", { description: "Green tea" }, { description: "Green tea" }],
    ["a new expiry", { expires_at: "2027-01-01T00:00" }, { expires_at: "2027-01-01T00:00:00.000Z" }],
    ["no expiry", { expires_at: "" }, { expires_at: null }],
    ["a payment limit", { max_payments: "10" }, { max_payments: 10 }],
    ["payment methods", { payment_methods: ["card"] }, { payment_methods: ["card"] }],
    ["a redirect", { after_completion_type: "redirect", after_completion_url: "https://x.example" }, { after_completion: { type: "redirect", url: "https://x.example" } }],
    ["a callback", { status_callback_url: "https://x.example/cb" }, { status_callback_url: "https://x.example/cb" }],
    ["a metadata key changed, one removed, one added", { metadata_value_0: "MT-2", metadata_key_1: "", metadata_value_1: "", metadata_key_2: "new", metadata_value_2: "y" }, { metadata: { sku: "MT-2", old: "", new: "y" } }],
  ])("%s", (_, changes, patch) => {
    const result = parseUpdateLinkForm(editForm(changes), LINK, NOW);
    expect(result).toEqual({ ok: true, input: patch });
  });

  test.each<[Record<string, string | string[] | undefined>, Record<string, string>]>([
    [{ name: "" }, { name: "Must not be empty." }],
    [{ payment_methods: undefined }, { payment_methods: "Offer at least one payment method." }],
    [{ expires_at: "2020-01-01T00:00" }, { expires_at: "Choose a time in the future, or disable the link instead." }],
    [{ after_completion_message: " " }, { after_completion_message: "Write the message buyers see, or choose a redirect." }],
    [{ max_payments: "ten" }, { max_payments: "Enter a whole number of payments, such as 100." }],
  ])("%j is refused with %j", (changes, errors) => {
    expect(parseUpdateLinkForm(editForm(changes), LINK, NOW)).toEqual({ ok: false, errors });
  });
});

describe("manual capture on the create form", () => {
  test("the box makes the link capture_method manual; left unticked, the API's default (automatic) applies", () => {
    expect(parseCreateLinkForm(form({ capture_manual: "on" }))).toMatchObject({ ok: true, input: { capture_method: "manual" } });
    const automatic = parseCreateLinkForm(form({}));
    expect(automatic.ok && "capture_method" in automatic.input).toBe(false);
  });
});
