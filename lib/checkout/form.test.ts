import { describe, expect, test } from "vitest";
import { flashFor, linkCheckoutSettings, offeredMethods, readCheckoutForm, readSubmission, selectedMethod } from "./form";

describe("checkout form", () => {
  test("reads the known fields as strings", () => {
    const data = new FormData();
    data.set("method", "card");
    data.set("cardNumber", "4242 4242 4242 4242");
    data.set("email", "a@b.co");
    data.set("other", "ignored");
    data.set("name", new Blob(["file"]));
    expect(readCheckoutForm((n) => data.get(n))).toEqual({ method: "card", cardNumber: "4242 4242 4242 4242", email: "a@b.co" });
  });

  test("the flash after a refusal leaves the card out", () => {
    const flash = flashFor(
      { method: "card", email: "a@b.co", name: "Ana", cardNumber: "4242424242424242", expiry: "12/30", cvc: "123", amount: "10" },
      { cvc: { key: "cvc.length", values: { digits: 3 } }, form: { text: "x" } },
    );
    expect(flash).toEqual({ errors: { cvc: { key: "cvc.length", values: { digits: 3 } }, form: { text: "x" } }, method: "card", email: "a@b.co", name: "Ana", amount: "10" });
  });

  test("submission keys", () => {
    expect(readSubmission(() => "A1b2C3d4E5f6G7h8")).toBe("A1b2C3d4E5f6G7h8");
    expect(readSubmission(() => "short")).toBeNull();
    expect(readSubmission(() => "a/b".repeat(10))).toBeNull();
    expect(readSubmission(() => null)).toBeNull();
  });

  test("a link with a custom amount passes its bounds on", () => {
    const link = { currency: "USD", paymentMethods: ["card"], collectEmail: true, collectName: false, customAmountMinimum: 500, customAmountMaximum: null };
    expect(linkCheckoutSettings({ ...link, amount: null }).customAmount).toEqual({ minimum: 500, maximum: null });
    expect(linkCheckoutSettings({ ...link, amount: 2500, customAmountMinimum: null }).customAmount).toBeNull();
  });

  test("methods keep the merchant's order; the previous choice stays selected", () => {
    expect(offeredMethods(["bank_transfer", "card", "bitcoin", "card"], "USD", 2500)).toEqual(["bank_transfer", "card"]);
    // Only where the method takes the currency and the amount: PromptPay THB, iDEAL EUR, Klarna 1.00–10,000.00.
    expect(offeredMethods(["card", "promptpay", "ideal", "klarna"], "THB", 50_000)).toEqual(["card", "promptpay"]);
    expect(offeredMethods(["card", "promptpay", "ideal", "klarna"], "EUR", 50_000)).toEqual(["card", "ideal", "klarna"]);
    expect(offeredMethods(["klarna", "card"], "EUR", 99)).toEqual(["card"]);
    expect(offeredMethods(["klarna", "card"], "EUR", 1_000_001)).toEqual(["card"]);
    expect(offeredMethods(["klarna", "card"], "EUR", null)).toEqual(["klarna", "card"]);
    expect(selectedMethod(["alipay", "card"], "card")).toBe("card");
    expect(selectedMethod(["alipay", "card"], "wechat_pay")).toBe("alipay");
    expect(selectedMethod([], undefined)).toBeUndefined();
  });
});
