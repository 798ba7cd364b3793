import { describe, expect, expectTypeOf, it } from "vitest";
import type { PaymentLinkRow } from "@/db/schema";
import { EXAMPLE_LINK_ROW } from "@/lib/openapi/resources/payment-links";
import { paymentLinkObjectSchema, type PaymentLinkObjectShape } from "./object-schema";
import { toPaymentLinkObject, type PaymentLinkObject } from "./serialize";

// The API reference's example link (what its examples are serialized from), and a variation on it.
const fixedPrice = EXAMPLE_LINK_ROW;

const buyerChooses: PaymentLinkRow = {
  ...fixedPrice,
  livemode: true,
  description: null,
  amount: null,
  currency: "JPY",
  customAmountMinimum: 500,
  // A platform's fee: at most the lowest amount a buyer may pay.
  applicationFeeAmount: 500,
  customAmountMaximum: 100000,
  customAmountPreset: null,
  paymentMethods: ["card"],
  expiresAt: new Date("2026-12-31T23:59:59.000Z"),
  maxPayments: 100,
  afterCompletionType: "redirect",
  afterCompletionMessage: null,
  afterCompletionUrl: "https://shop.example.com/thanks",
  statusCallbackUrl: "https://shop.example.com/paylink/callback",
  metadata: {},
};

describe("paymentLinkObjectSchema", () => {
  it.each([
    ["a fixed price", fixedPrice],
    ["a buyer-chosen amount with a redirect", buyerChooses],
  ])("accepts what toPaymentLinkObject builds for %s, field for field", (_, row) => {
    const object = toPaymentLinkObject(row, "https://pay.example.com");
    // z.object strips keys it does not know: equality means the schema names every field the serializer sends.
    expect(paymentLinkObjectSchema.parse(object)).toEqual(object);
  });

  it("refuses an object missing a field or with a float amount", () => {
    const object = toPaymentLinkObject(fixedPrice, "https://pay.example.com");
    const withoutStats: Partial<typeof object> = { ...object };
    delete withoutStats.stats;
    expect(paymentLinkObjectSchema.safeParse(withoutStats).success).toBe(false);
    expect(paymentLinkObjectSchema.safeParse({ ...object, amount: 99.99 }).success).toBe(false);
  });

  it("has the serializer's top-level fields, checked by the compiler too", () => {
    expectTypeOf<keyof PaymentLinkObjectShape>().toEqualTypeOf<keyof PaymentLinkObject>();
    expect(Object.keys(paymentLinkObjectSchema.shape).sort()).toEqual(
      Object.keys(toPaymentLinkObject(fixedPrice, "https://pay.example.com")).sort(),
    );
  });
});
