import { describe, expect, test } from "vitest";
import { defaultLinkFormValues, linkFormValues, readLinkForm } from "./form";
import { createForm as form, LINK } from "./form-fixtures";

describe("form values", () => {
  test("an existing link shows its amounts as decimals of its currency and its expiry in UTC", () => {
    expect(linkFormValues({ ...LINK, amount: null, currency: "KWD", custom_amount: { minimum: 500, maximum: null, preset: 2250 } })).toMatchObject({
      pricing: "custom",
      amount: "",
      custom_minimum: "0.500",
      custom_maximum: "",
      custom_preset: "2.250",
      expires_at: "2026-12-31T18:30",
      metadata: [{ key: "sku", value: "MT-1" }, { key: "old", value: "x" }],
    });
  });

  test("a refused submission reads back as typed", () => {
    const values = readLinkForm(form({ currency: "JPY", amount: "12.5", collect_name: undefined, metadata_key_2: "a", metadata_value_2: "b" }));
    expect(values).toMatchObject({ currency: "JPY", amount: "12.5", collect_email: true, collect_name: false, payment_methods: ["card"] });
    // Row numbers are kept, so an error on metadata_key_2 lands on the third row shown again.
    expect(values.metadata).toEqual([{ key: "", value: "" }, { key: "", value: "" }, { key: "a", value: "b" }]);
  });

  test("defaults", () => {
    expect(defaultLinkFormValues({ currency: "EUR", country: "DE" })).toMatchObject({ currency: "EUR", default_country: "DE", pricing: "fixed", payment_methods: ["card"] });
  });
});
