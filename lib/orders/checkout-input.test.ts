import { describe, expect, test } from "vitest";
import { ERROR_FIELDS, messageText, type CheckoutMessage } from "@/lib/checkout/messages";
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import { validateCheckout, type CheckoutErrors, type CheckoutForm, type CheckoutSettings } from "./checkout-input";

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
    [{ ...buyer, method: "" }, "method", { key: "method.required" }],
    [{ ...buyer, method: "wechat_pay" }, "method", { key: "method.required" }],
    [{ ...buyer, email: "" }, "email", { key: "email.required" }],
    [{ ...buyer, email: "not-an-email" }, "email", { key: "email.invalid" }],
    [{ ...buyer, name: "  " }, "name", { key: "name.required" }],
    [{ ...buyer, cardNumber: "4242 4242 4242 4241" }, "cardNumber", { key: "cardNumber.invalid" }],
    [{ ...buyer, expiry: "01/20" }, "expiry", { key: "expiry.expired" }],
    [{ ...buyer, cvc: "1" }, "cvc", { key: "cvc.length", values: { digits: 3 } }],
  ])("%j → %s", (form, field, message) => {
    const result = validateCheckout(settings, form, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as "email"]).toEqual(message);
  });

  test("email and name are optional when the link does not collect them", () => {
    const result = validateCheckout({ ...settings, collectEmail: false, collectName: false }, { ...buyer, email: "", name: "" }, NOW);
    expect(result).toMatchObject({ ok: true, value: { email: null, name: null } });
  });

  test.each([
    ["20", 2000, undefined],
    ["4.99", undefined, { key: "amount.belowMinimum", values: { minimum: 500, currency: "USD" } }],
    ["1000.01", undefined, { key: "amount.aboveMaximum", values: { maximum: 100_000, currency: "USD" } }],
    ["5.001", undefined, { key: "amount.tooPrecise" }],
    ["", undefined, { key: "amount.required" }],
  ])("buyer-chosen amount %j", (amount, minor, error) => {
    const result = validateCheckout({ ...settings, customAmount: { minimum: 500, maximum: 100_000 } }, { ...buyer, amount }, NOW);
    if (minor !== undefined) expect(result).toMatchObject({ ok: true, value: { amount: minor } });
    else expect(result).toEqual({ ok: false, errors: { amount: error } });
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
    [{ ...sepa, iban: "DE89 3704 0044 0532 0130 01" }, "iban", { key: "iban.invalid" }],
    [{ ...sepa, iban: "" }, "iban", { key: "iban.required" }],
    [{ ...sepa, mandate: undefined }, "mandate", { key: "mandate.required" }],
    [{ ...sepa, accountHolder: " " }, "accountHolder", { key: "accountHolder.required" }],
    // A method the link offers, but not in its currency: not on the form, and refused if posted anyway.
    [{ method: "promptpay" }, "method", { key: "method.required" }],
  ])("%j → %s", (form, field, message) => {
    const result = validateCheckout(eur, form, NOW);
    expect(result).toMatchObject({ ok: false, errors: { [field]: message } });
  });

  test("Klarna holds a buyer-chosen amount to its 1.00–10,000.00", () => {
    const chosen = { ...eur, customAmount: { minimum: null, maximum: null } };
    expect(validateCheckout(chosen, { method: "klarna", amount: "0.99" }, NOW)).toEqual({
      ok: false,
      errors: { amount: { key: "amount.outsideMethodLimits", values: { method: "klarna", methodMinimum: 100, methodMaximum: 1_000_000, currency: "EUR" } } },
    });
    expect(validateCheckout(chosen, { method: "klarna", amount: "10000.00" }, NOW)).toMatchObject({ ok: true, value: { method: "klarna", amount: 1_000_000 } });
    expect(validateCheckout(chosen, { method: "card", amount: "0.99", ...card }, NOW)).toMatchObject({ ok: true });
  });
});

describe("the refusals read as they always have, in English, and in the buyer's language", () => {
  const eur: CheckoutSettings = { currency: "EUR", paymentMethods: ["card", "sepa_debit", "klarna"], collectEmail: true, collectName: true, customAmount: null };
  const bounds = { customAmount: { minimum: 500, maximum: 20_000 } };
  const card = { method: "card", email: "a@b.co", name: "Ana" };
  const sepa = { method: "sepa_debit", email: "a@b.co", name: "Ana" };
  const refused = (form: CheckoutForm, settings: Partial<CheckoutSettings> = {}): CheckoutErrors => {
    const checked = validateCheckout({ ...eur, ...settings }, form, NOW);
    return checked.ok ? {} : checked.errors;
  };

  // Every message of validateCheckout and the card checks, with the English the checkout showed before its
  // refusals had keys.
  const cases: [CheckoutErrors, string, string][] = [
    [refused({}), "method", "Choose a payment method."],
    [refused({}), "email", "Enter your email address."],
    [refused({}), "name", "Enter your full name."],
    [refused({ ...card, email: "not an address" }), "email", "Enter a valid email address, like name@example.com."],
    [refused({ ...card, amount: "" }, bounds), "amount", "Enter the amount you want to pay."],
    [refused({ ...card, amount: "5.001" }, bounds), "amount", "That amount has too many decimals for this currency."],
    [refused({ ...card, amount: "4.99" }, bounds), "amount", "Enter at least €5.00."],
    [refused({ ...card, amount: "200.01" }, bounds), "amount", "Enter at most €200.00."],
    [refused({ ...card, method: "klarna", amount: "0.50" }, { customAmount: { minimum: null, maximum: null } }), "amount", "Klarna takes €1.00 to €10,000.00: change the amount or choose another payment method."],
    [refused(sepa), "accountHolder", "Enter the account holder's name."],
    [refused(sepa), "iban", "Enter your IBAN."],
    [refused(sepa), "mandate", "Accept the direct debit mandate to pay by SEPA Direct Debit."],
    [refused({ ...sepa, accountHolder: "Ana", iban: "DE00 0000" }), "iban", "Enter a valid IBAN, like DE89 3704 0044 0532 0130 00."],
    [refused({ ...card, cardNumber: "", expiry: "", cvc: "" }), "cardNumber", "Enter your card number."],
    [refused({ ...card, cardNumber: "", expiry: "", cvc: "" }), "expiry", "Enter the expiry date as MM/YY."],
    [refused({ ...card, cardNumber: "", expiry: "", cvc: "" }), "cvc", "Enter the security code."],
    [refused({ ...card, cardNumber: "4242 4242 4242 4241", expiry: "12", cvc: "12" }), "cardNumber", "This card number is not valid. Check it and try again."],
    [refused({ ...card, cardNumber: "4242 4242 4242 4241", expiry: "12", cvc: "12" }), "expiry", "Enter the expiry date as MM/YY."],
    [refused({ ...card, cardNumber: "4242 4242 4242 4241", expiry: "12", cvc: "12" }), "cvc", "The security code is 3 digits."],
    [refused({ ...card, cardNumber: "3782 822463 10005", expiry: "13/30", cvc: "123" }), "expiry", "The month must be 01 to 12."],
    [refused({ ...card, cardNumber: "3782 822463 10005", expiry: "13/30", cvc: "123" }), "cvc", "The security code is 4 digits."],
    [refused({ ...card, expiry: "04/26" }), "expiry", "This card has expired."],
    [refused({ ...card, expiry: "12/99" }), "expiry", "Check the expiry year."],
  ];

  test.each(cases)("%#: %s → “%s”", (errors, field, english) => {
    const message = errors[field as keyof CheckoutErrors] as CheckoutMessage;
    expect(message).toHaveProperty("key");
    expect(messageText(message, "en")).toBe(english);
  });

  test("every key of the form's fields is produced by some refusal", () => {
    const produced = new Set(cases.map(([errors, field]) => (errors[field as keyof CheckoutErrors] as { key: string }).key));
    const catalogue = ERROR_FIELDS.filter((field) => field !== "form").flatMap((field) => Object.keys(en.checkout.errors[field]).map((name) => `${field}.${name}`));
    expect([...produced].sort()).toEqual(catalogue.sort());
  });

  test("amounts and the method's name come out in the buyer's locale", () => {
    const below = refused({ ...card, amount: "4.99" }, bounds).amount!;
    expect(messageText(below, "de").replace(/\u00a0/g, " ")).toContain("5,00 €");
    const klarna = refused({ ...card, method: "klarna", amount: "0.50" }, { customAmount: { minimum: null, maximum: null } }).amount!;
    expect(messageText(klarna, "fr").replace(/[\u00a0\u202f]/g, " ")).toMatch(/1,00 €.*10 000,00 €/);
    expect(messageText(refused({}).method!, "ja")).not.toBe("Choose a payment method.");
  });
});
