import { describe, expect, test } from "vitest";
import { cardLabel, formatAmount, formatReceiptDate, methodLabel, paymentLabel } from "./display";

describe("checkout display", () => {
  test.each([
    [2500, "USD", "$25.00"],
    [1500, "JPY", "¥1,500"],
    [5, "KWD", "KWD 0.005"],
    [12, "ZZZ", "12 ZZZ"],
  ])("%i %s → %s", (minor, currency, shown) => {
    expect(formatAmount(minor, currency).replace(/\u00a0/g, " ")).toBe(shown);
  });

  test("cards show brand and last four only", () => {
    expect(cardLabel("visa", "4242")).toBe("Visa •••• 4242");
    expect(cardLabel("amex", "0005")).toBe("American Express •••• 0005");
    expect(cardLabel("unknown", "1234")).toBe("Card •••• 1234");
    expect(cardLabel(null, null)).toBe("Card");
  });

  test("methods", () => {
    expect(methodLabel("wechat_pay")).toBe("WeChat Pay");
    expect(paymentLabel({ method: "alipay", cardBrand: null, cardLast4: null })).toBe("Alipay");
    expect(paymentLabel({ method: "card", cardBrand: "mastercard", cardLast4: "4444" })).toBe("Mastercard •••• 4444");
  });

  test("dates are stated in UTC", () => {
    expect(formatReceiptDate(new Date("2026-05-25T10:00:00Z"))).toBe("May 25, 2026, 10:00 AM UTC");
  });
});
