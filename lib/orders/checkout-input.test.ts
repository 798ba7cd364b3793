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

describe("the methods of Asia, Europe and Latin America on the form", () => {
  const eur: CheckoutSettings = { currency: "EUR", paymentMethods: ["card", "sepa_debit", "klarna", "promptpay"], collectEmail: false, collectName: false };
  const sepa = { method: "sepa_debit", accountHolder: "Ana Silva", iban: "de89 3704 0044 0532 0130 00", mandate: "accepted" };

  test("SEPA: holder, checksum-valid IBAN and the accepted mandate; only country and last four leave with the IBAN", () => {
    expect(validateCheckout(eur, sepa, NOW)).toEqual({
      ok: true,
      value: { method: "sepa_debit", email: null, name: null, card: undefined, amount: undefined, sepa: { iban: "DE89370400440532013000", accountHolder: "Ana Silva", country: "DE", last4: "3000" } },
    });
  });

  test.each([
    [{ ...sepa, iban: "DE89 3704 0044 0532 0130 01" }, "iban", "Enter a valid IBAN, like DE89 3704 0044 0532 0130 00."],
    [{ ...sepa, iban: "" }, "iban", "Enter your IBAN."],
    [{ ...sepa, mandate: undefined }, "mandate", "Accept the direct debit mandate to pay by SEPA Direct Debit."],
    [{ ...sepa, accountHolder: " " }, "accountHolder", "Enter the account holder's name."],
    // A method the link offers, but not in its currency: not on the form, and refused if posted anyway.
    [{ method: "promptpay" }, "method", "Choose a payment method."],
  ])("%j → %s", (form, field, message) => {
    const result = validateCheckout(eur, form, NOW);
    expect(result).toMatchObject({ ok: false, errors: { [field]: message } });
  });

  test("Klarna holds a buyer-chosen amount to its 1.00–10,000.00", () => {
    const chosen = { ...eur, customAmount: { minimum: null, maximum: null } };
    expect(validateCheckout(chosen, { method: "klarna", amount: "0.99" }, NOW)).toMatchObject({ ok: false, errors: { amount: "Klarna takes €1.00 to €10,000.00: change the amount or choose another payment method." } });
    expect(validateCheckout(chosen, { method: "klarna", amount: "10000.00" }, NOW)).toMatchObject({ ok: true, value: { method: "klarna", amount: 1_000_000 } });
    expect(validateCheckout(chosen, { method: "card", amount: "0.99", ...card }, NOW)).toMatchObject({ ok: true });
  });
});
