import { describe, expect, test } from "vitest";
import { validateCheckout, type CheckoutErrors, type CheckoutForm, type CheckoutSettings } from "@/lib/orders/checkout-input";
import { checkoutMessage, ERROR_FIELDS, errorTexts, formMessageContext, messageText, type ErrorField } from "./messages";

const NOW = new Date("2026-05-25T10:00:00Z");
const SETTINGS: CheckoutSettings = { currency: "EUR", paymentMethods: ["card", "sepa_debit", "klarna"], collectEmail: true, collectName: true, customAmount: null };
const BOUNDS = { minimum: 500, maximum: 20_000 };

function errorsOf(form: CheckoutForm, settings: Partial<CheckoutSettings> = {}): CheckoutErrors {
  const checked = validateCheckout({ ...SETTINGS, ...settings }, form, NOW);
  return checked.ok ? {} : checked.errors;
}

const card = { method: "card", email: "a@b.co", name: "Ana" };
const sepa = { method: "sepa_debit", email: "a@b.co", name: "Ana" };
// Every sentence the checkout's rules (validateCheckout and the card checks) can refuse a form with.
const REFUSALS: CheckoutErrors[] = [
  errorsOf({}),
  errorsOf({ ...card, email: "not an address" }),
  errorsOf({ ...card, amount: "" }, { customAmount: BOUNDS }),
  errorsOf({ ...card, amount: "5.001" }, { customAmount: BOUNDS }),
  errorsOf({ ...card, amount: "4.99" }, { customAmount: BOUNDS }),
  errorsOf({ ...card, amount: "200.01" }, { customAmount: BOUNDS }),
  errorsOf({ ...card, method: "klarna", amount: "0.50" }, { customAmount: { minimum: null, maximum: null } }),
  errorsOf({ ...sepa }),
  errorsOf({ ...sepa, accountHolder: "Ana", iban: "DE00 0000" }),
  errorsOf({ ...card, cardNumber: "", expiry: "", cvc: "" }),
  errorsOf({ ...card, cardNumber: "4242 4242 4242 4241", expiry: "12", cvc: "12" }),
  errorsOf({ ...card, cardNumber: "3782 822463 10005", expiry: "13/30", cvc: "123" }),
  errorsOf({ ...card, expiry: "04/26" }),
  errorsOf({ ...card, expiry: "12/99" }),
];

describe("checkout messages", () => {
  test("the catalogue's error fields are the checkout form's, and form", () => {
    expect([...ERROR_FIELDS].sort()).toEqual(["accountHolder", "amount", "cardNumber", "cvc", "email", "expiry", "form", "iban", "mandate", "method", "name"]);
  });

  const sentences = REFUSALS.flatMap((errors) => Object.entries(errors) as [ErrorField, string][]);
  test("the refusals cover every field's messages", () => {
    const keys = new Set(sentences.map(([field, sentence]) => JSON.stringify(checkoutMessage(field, sentence))));
    expect(keys.size).toBeGreaterThanOrEqual(19);
  });

  test.each(sentences)("%s: “%s” travels as a key, and the page words it back the same in English", (field, sentence) => {
    const message = checkoutMessage(field, sentence);
    expect(message).toHaveProperty("key");
    const method = field === "amount" && sentence.startsWith("Klarna") ? "klarna" : undefined;
    const context = formMessageContext("en", "EUR", method ? null : BOUNDS, method);
    expect(messageText(message, "en", context)).toBe(sentence);
  });

  test.each([
    // The services' refusals (lib/services) and the processor's declines (lib/processor/simulated.ts).
    "This payment link is no longer available.",
    "A payment for this order is already under way.",
    "This order has expired.",
    "This business is not accepting payments yet: no payment processor is set up for live mode.",
    "Your card was declined.",
    "Your card has insufficient funds.",
    "The bank refused the direct debit: the account cannot be debited.",
    "The payment could not be completed: the payment processor did not receive it. No money was taken; please try again.",
    "Too many attempts from your network on this checkout. Wait a few minutes, then try again.",
  ])("above the form: “%s”", (sentence) => {
    const message = checkoutMessage("form", sentence);
    expect(message).toHaveProperty("key");
    expect(messageText(message, "en")).toBe(sentence);
  });

  test("a sentence with a value keeps it, and the page's context wins over it", () => {
    const apology = checkoutMessage("form", "Something went wrong on our side. Please try again in a moment (reference req-1).");
    expect(apology).toEqual({ key: "form.unexpected", values: { reference: "req-1" } });
    expect(checkoutMessage("cvc", "The security code is 4 digits.")).toEqual({ key: "cvc.length", values: { digits: 4 } });
    const below = checkoutMessage("amount", "Enter at least €5.00.");
    expect(messageText(below, "de", formMessageContext("de", "EUR", BOUNDS, undefined)).replace(/\u00a0/g, " ")).toContain("5,00 €");
  });

  test("a sentence the catalogue does not have is shown as it is, in every language", () => {
    expect(checkoutMessage("form", "The account is closed.")).toEqual({ text: "The account is closed." });
    expect(messageText({ text: "The account is closed." }, "ja")).toBe("The account is closed.");
    expect(checkoutMessage("email", "Your card was declined.")).toEqual({ text: "Your card was declined." });
  });

  test("errorTexts words each field's message", () => {
    expect(errorTexts({ email: { key: "email.required" }, form: { text: "x" } }, "en")).toEqual({ email: "Enter your email address.", form: "x" });
  });

  test("the page's context: bounds and the chosen method's limits in the page's format", () => {
    expect(formMessageContext("en", "EUR", BOUNDS, "klarna")).toEqual({
      minimum: "€5.00",
      maximum: "€200.00",
      method: "Klarna",
      methodMinimum: "€1.00",
      methodMaximum: "€10,000.00",
    });
    expect(formMessageContext("en", "EUR", null, "bitcoin")).toEqual({});
  });
});
