import { describe, expect, test } from "vitest";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/payments/methods";
import { cardLabel, instalments, methodLabel, paymentLabel } from "./display";

describe("checkout display", () => {
  test("cards show brand and last four only", () => {
    expect(cardLabel("visa", "4242")).toBe("Visa •••• 4242");
    expect(cardLabel("amex", "0005")).toBe("American Express •••• 0005");
    expect(cardLabel("unknown", "1234")).toBe("Card •••• 1234");
    expect(cardLabel(null, null)).toBe("Card");
  });

  test("methods", () => {
    expect(methodLabel("wechat_pay")).toBe("WeChat Pay");
    expect(methodLabel("bitcoin")).toBe("bitcoin");
    expect(paymentLabel({ method: "alipay", cardBrand: null, cardLast4: null })).toBe("Alipay");
    expect(paymentLabel({ method: "card", cardBrand: "mastercard", cardLast4: "4444" })).toBe("Mastercard •••• 4444");
    expect(paymentLabel({ method: "sepa_debit", cardBrand: null, cardLast4: null, details: { iban_last4: "3000" } })).toBe("SEPA Direct Debit •••• 3000");
    expect(paymentLabel({ method: "ideal", cardBrand: null, cardLast4: null, details: { bank: "ING" } })).toBe("iDEAL · ING");
  });

  test("in English, every method is named as the merchant's pages name it", () => {
    for (const method of PAYMENT_METHODS) expect(methodLabel(method, "en")).toBe(PAYMENT_METHOD_LABELS[method]);
  });

  test("a locale names the methods from its catalogue", () => {
    for (const method of PAYMENT_METHODS) expect(methodLabel(method, "ja")).not.toBe(`checkout.methods.${method}`);
    expect(cardLabel(null, "4242", "de")).toMatch(/4242$/);
  });

  test("instalments add up to the amount, the first carrying the remainder", () => {
    expect(instalments(1000, 3)).toEqual([334, 333, 333]);
    expect(instalments(999, 3).reduce((a, b) => a + b)).toBe(999);
  });
});
