import { translator } from "@/lib/i18n/translate";
import { describe, expect, test } from "vitest";
import { ERROR_FIELDS, errorTexts, fieldOf, isErrorKey, messageText, sanitizeMessage } from "./messages";

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("checkout messages", () => {
  test("the catalogue's error fields are the checkout form's, and form", () => {
    expect([...ERROR_FIELDS].sort()).toEqual(["accountHolder", "amount", "cardNumber", "cvc", "email", "expiry", "form", "iban", "mandate", "method", "name"]);
  });

  test("keys are the catalogue's, each about the field it starts with", () => {
    expect(isErrorKey("cvc.length")).toBe(true);
    expect(isErrorKey("cvc.nope")).toBe(false);
    expect(isErrorKey("constructor")).toBe(false);
    expect(fieldOf("cardNumber.invalid")).toBe("cardNumber");
    expect(fieldOf("form.unexpected")).toBe("form");
  });

  test("values are worded in the page's locale: amounts (minor units of the message's currency) and the method's name", () => {
    const below = { key: "amount.belowMinimum", values: { minimum: 500, currency: "EUR" } } as const;
    expect(messageText(below, "en")).toBe("Enter at least €5.00.");
    expect(nbsp(messageText(below, "de"))).toContain("5,00 €");
    const limits = { key: "amount.outsideMethodLimits", values: { method: "klarna", methodMinimum: 100, methodMaximum: 1_000_000, currency: "JPY" } } as const;
    expect(messageText(limits, "en")).toBe("Klarna takes ¥100 to ¥1,000,000: change the amount or choose another payment method.");
    const bank = { key: "form.bankNotApproved", values: { method: "sepa_debit" } } as const;
    expect(messageText(bank, "en")).toBe("The payment was not approved at your bank (SEPA Direct Debit). Try again or choose another payment method.");
    expect(messageText(bank, "de")).toContain("(SEPA-Lastschrift)");
    // A method this platform does not know keeps its code; a number with no currency is a number.
    expect(messageText({ key: "form.walletNotApproved", values: { method: "bitcoin" } }, "en")).toBe("The payment was not approved in bitcoin. Try again or choose another payment method.");
    expect(messageText({ key: "cvc.length", values: { digits: 4 } }, "en")).toBe("The security code is 4 digits.");
  });

  test("a processor's own reason (text) is shown as it is in English; in another language, ours is", () => {
    expect(messageText({ text: "The account is closed." }, "en", "form")).toBe("The account is closed.");
    expect(messageText({ text: "The account is closed." }, "ja", "form")).toBe(translator("ja", "checkout")("errors.form.failed"));
    expect(errorTexts({ form: { text: "The account is closed." } }, "de").form).toBe(translator("de", "checkout")("errors.form.failed"));
  });

  test("errorTexts words each field's message", () => {
    expect(errorTexts({ email: { key: "email.required" }, form: { text: "x" } }, "en")).toEqual({ email: "Enter your email address.", form: "x" });
    expect(errorTexts({ email: { key: "email.required" } }, "fr").email).not.toBe("Enter your email address.");
  });
});

describe("sanitizeMessage: a message as a flash cookie may hold it", () => {
  test("one of the field's own keys, with a few short values", () => {
    expect(sanitizeMessage({ key: "cvc.length", values: { digits: 4 } }, "cvc")).toEqual({ key: "cvc.length", values: { digits: 4 } });
    expect(sanitizeMessage({ key: "form.unexpected", values: { reference: "123" } }, "form")).toEqual({ key: "form.unexpected", values: { reference: "123" } });
    expect(sanitizeMessage({ key: "email.required", values: { "bad name": "x", ok: "y".repeat(500), n: Number.NaN, nested: { a: 1 } } }, "email")).toEqual({
      key: "email.required",
      values: { ok: "y".repeat(100) },
    });
  });

  test("a key of another field, or none of the catalogue's, is dropped", () => {
    expect(sanitizeMessage({ key: "cvc.length" }, "form")).toBeUndefined();
    expect(sanitizeMessage({ key: "form.nope" }, "form")).toBeUndefined();
    expect(sanitizeMessage(42, "form")).toBeUndefined();
  });

  test("text, and a bare string (a flash from before messages had keys), are kept as short text", () => {
    expect(sanitizeMessage({ text: "The account is closed." }, "form")).toEqual({ text: "The account is closed." });
    expect(sanitizeMessage("Your card was declined.", "form")).toEqual({ text: "Your card was declined." });
    expect(sanitizeMessage("x".repeat(1000), "form")).toEqual({ text: "x".repeat(300) });
    expect(sanitizeMessage("", "form")).toBeUndefined();
    expect(sanitizeMessage({ text: "" }, "form")).toBeUndefined();
  });
});
