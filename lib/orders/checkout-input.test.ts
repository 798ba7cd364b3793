import { describe, expect, test } from "vitest";
import { validateCheckout, type CheckoutSettings } from "./checkout-input";

const NOW = new Date("2026-05-25T10:00:00Z");
const settings: CheckoutSettings = { currency: "USD", paymentMethods: ["card", "alipay"], collectEmail: true, collectName: true };
const card = { cardNumber: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" };
const buyer = { method: "card", email: "ana@example.com", name: "Ana Silva", ...card };

describe("validateCheckout", () => {
  test("a complete card payment", () => {
    const result = validateCheckout(settings, buyer, NOW);
    expect(result).toMatchObject({ ok: true, value: { method: "card", email: "ana@example.com", name: "Ana Silva", card: { brand: "visa", last4: "4242" } } });
  });

  test("a wallet needs no card fields", () => {
    expect(validateCheckout(settings, { method: "alipay", email: "a@b.co", name: "A" }, NOW)).toMatchObject({ ok: true, value: { method: "alipay" } });
  });

  test.each([
    [{ ...buyer, method: "" }, "method", "Choose a payment method."],
    [{ ...buyer, method: "wechat_pay" }, "method", "Choose a payment method."],
    [{ ...buyer, email: "" }, "email", "Enter your email address."],
    [{ ...buyer, email: "not-an-email" }, "email", "Enter a valid email address, like name@example.com."],
    [{ ...buyer, name: "  " }, "name", "Enter your full name."],
    [{ ...buyer, cardNumber: "4242 4242 4242 4241" }, "cardNumber", "This card number is not valid. Check it and try again."],
    [{ ...buyer, expiry: "01/20" }, "expiry", "This card has expired."],
    [{ ...buyer, cvc: "1" }, "cvc", "The security code is 3 digits."],
  ])("%j → %s", (form, field, message) => {
    const result = validateCheckout(settings, form, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as "email"]).toBe(message);
  });

  test("email and name are optional when the link does not collect them", () => {
    const result = validateCheckout({ ...settings, collectEmail: false, collectName: false }, { ...buyer, email: "", name: "" }, NOW);
    expect(result).toMatchObject({ ok: true, value: { email: null, name: null } });
  });

  test.each([
    ["20", 2000, undefined],
    ["4.99", undefined, "Enter at least $5.00."],
    ["1000.01", undefined, "Enter at most $1,000.00."],
    ["5.001", undefined, "That amount has too many decimals for this currency."],
    ["", undefined, "Enter the amount you want to pay."],
  ])("buyer-chosen amount %j", (amount, minor, error) => {
    const result = validateCheckout({ ...settings, customAmount: { minimum: 500, maximum: 100_000 } }, { ...buyer, amount }, NOW);
    if (minor !== undefined) expect(result).toMatchObject({ ok: true, value: { amount: minor } });
    else expect(result).toMatchObject({ ok: false, errors: { amount: error } });
  });
});
