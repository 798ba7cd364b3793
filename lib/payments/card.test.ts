import { describe, expect, test } from "vitest";
import { cardBrand, luhnValid, validateCard } from "./card";

const NOW = new Date("2026-05-25T10:00:00Z");

describe("luhn and brand", () => {
  test.each([
    ["4242424242424242", true, "visa"],
    ["5555555555554444", true, "mastercard"],
    ["4000000000000002", true, "visa"],
    ["4000000000009995", true, "visa"],
    ["4000000000003220", true, "visa"],
    ["378282246310005", true, "amex"],
    ["4242424242424241", false, "visa"],
    ["1234567812345678", false, "unknown"],
  ])("%s luhn=%s brand=%s", (number, valid, brand) => {
    expect(luhnValid(number)).toBe(valid);
    expect(cardBrand(number)).toBe(brand);
  });
});

describe("validateCard", () => {
  test("accepts the success card with spaces, keeping only brand and last four for display", () => {
    const result = validateCard({ number: "4242 4242 4242 4242", expiry: "12 / 30", cvc: "123" }, NOW);
    expect(result).toEqual({ ok: true, card: { number: "4242424242424242", brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 } });
  });

  test.each([
    [{ number: "", expiry: "12/30", cvc: "123" }, "number", { key: "cardNumber.required" }],
    [{ number: "4242 4242 4242 4241", expiry: "12/30", cvc: "123" }, "number", { key: "cardNumber.invalid" }],
    [{ number: "4242x4242", expiry: "12/30", cvc: "123" }, "number", { key: "cardNumber.invalid" }],
    [{ number: "4242424242424242", expiry: "", cvc: "123" }, "expiry", { key: "expiry.format" }],
    [{ number: "4242424242424242", expiry: "12-30", cvc: "123" }, "expiry", { key: "expiry.format" }],
    [{ number: "4242424242424242", expiry: "13/30", cvc: "123" }, "expiry", { key: "expiry.month" }],
    [{ number: "4242424242424242", expiry: "04/26", cvc: "123" }, "expiry", { key: "expiry.expired" }],
    [{ number: "4242424242424242", expiry: "12/55", cvc: "123" }, "expiry", { key: "expiry.year" }],
    [{ number: "4242424242424242", expiry: "12/30", cvc: "" }, "cvc", { key: "cvc.required" }],
    [{ number: "4242424242424242", expiry: "12/30", cvc: "12" }, "cvc", { key: "cvc.length", values: { digits: 3 } }],
    [{ number: "378282246310005", expiry: "12/30", cvc: "123" }, "cvc", { key: "cvc.length", values: { digits: 4 } }],
  ])("%j → %s error", (input, field, message) => {
    const result = validateCard(input, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [field]: message });
  });

  test("MMYY typed on a number pad is read as MM/YY", () => {
    expect(validateCard({ number: "4242424242424242", expiry: "1230", cvc: "123" }, NOW)).toMatchObject({ ok: true, card: { expMonth: 12, expYear: 2030 } });
  });

  test("the current month is still valid", () => {
    expect(validateCard({ number: "4242424242424242", expiry: "05/26", cvc: "123" }, NOW).ok).toBe(true);
  });
});
