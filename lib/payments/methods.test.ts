import { describe, expect, test } from "vitest";
import { amountConflict, currencyConflict, manualCaptureConflict, METHOD_RULES, methodAvailable, PAYMENT_METHODS, refundRule, type PaymentMethod } from "./methods";

// The contract's table of payment methods (API.md, "Capture, and more ways to pay"), row by row.

describe("which currencies each method takes", () => {
  test.each([
    ["card", ["USD", "JPY", "KWD", "THB", "BRL"], []],
    ["bank_transfer", ["USD", "EUR", "MYR"], []],
    ["promptpay", ["THB"], ["USD", "EUR", "BRL"]],
    ["pix", ["BRL"], ["USD", "THB"]],
    ["ideal", ["EUR"], ["USD", "GBP"]],
    ["bancontact", ["EUR"], ["USD"]],
    ["fpx", ["MYR"], ["SGD", "EUR"]],
    ["klarna", ["EUR", "USD", "GBP", "SEK", "NOK", "DKK"], ["JPY", "CHF", "BRL"]],
    ["sepa_debit", ["EUR"], ["GBP", "USD"]],
  ] as [PaymentMethod, string[], string[]][])("%s takes %j, not %j", (method, takes, refuses) => {
    for (const currency of takes) expect(methodAvailable(method, currency, 5_000)).toBe(true);
    for (const currency of refuses) expect(methodAvailable(method, currency, 5_000)).toBe(false);
  });

  test("Klarna takes 1.00 to 10,000.00, and an amount the buyer has yet to choose", () => {
    expect([99, 100, 1_000_000, 1_000_001].map((amount) => methodAvailable("klarna", "EUR", amount))).toEqual([false, true, true, false]);
    expect(methodAvailable("klarna", "EUR", null)).toBe(true);
  });

  test("a fixed price Klarna cannot take is refused; a price the buyer chooses is checked when they do", () => {
    expect(amountConflict(["card", "klarna"], 50)).toBe("klarna cannot take an amount of 50: klarna takes 100 to 1000000 (minor units).");
    expect(amountConflict(["card", "klarna"], 100)).toBeNull();
    expect(amountConflict(["klarna"], null)).toBeNull();
  });

  test("a link or order naming a method that cannot take its currency is refused, saying which and why", () => {
    expect(currencyConflict(["card", "promptpay", "ideal"], "THB")).toBe("ideal cannot take THB: ideal takes only EUR.");
    expect(currencyConflict(["card", "promptpay"], "THB")).toBeNull();
    expect(currencyConflict(["pix", "sepa_debit"], "USD")).toBe("pix, sepa_debit cannot take USD: pix takes only BRL; sepa_debit takes only EUR.");
  });
});

describe("refunds and capture by method", () => {
  test("PromptPay takes no refund, PIX only a full one, every other method full and partial", () => {
    expect(refundRule("promptpay")).toBe("none");
    expect(refundRule("pix")).toBe("full_only");
    for (const method of PAYMENT_METHODS.filter((m) => m !== "promptpay" && m !== "pix")) expect(refundRule(method)).toBe("full_and_partial");
    expect(refundRule(null)).toBe("full_and_partial");
  });

  test("only cards and wallets can hold a payment for a manual capture", () => {
    expect(PAYMENT_METHODS.filter((m) => METHOD_RULES[m].manualCapture)).toEqual(["card", "alipay", "wechat_pay", "apple_pay", "google_pay"]);
    expect(manualCaptureConflict("manual", ["card", "klarna"])).toContain("klarna cannot be captured manually");
    expect(manualCaptureConflict("automatic", ["klarna"])).toBeNull();
  });

  test("every bank-redirect method lists the banks its page offers", () => {
    for (const method of PAYMENT_METHODS.filter((m) => METHOD_RULES[m].flow === "bank_redirect")) expect(METHOD_RULES[method].banks?.length).toBeGreaterThan(3);
  });
});
