import { describe, expect, expectTypeOf, it } from "vitest";
import type { OrderRow, PaymentRow, RefundRow } from "@/db/schema";
import { OPEN_ORDER, PENDING_REFUND, SETTLED_PAYMENT } from "@/lib/openapi/resources/order-examples";
import type { CardBrand } from "@/lib/payments/card";
import {
  CARD_BRANDS,
  orderObjectSchema,
  refundObjectSchema,
  type OrderObjectShape,
  type RefundObjectShape,
} from "./object-schema";
import { toOrderObject, toRefundObject, type OrderObject, type RefundObject } from "./serialize";

const APP_URL = "https://pay.example.com";

// The API reference's example rows (OPEN_ORDER and the rest: what its examples are serialized from), and
// variations on them.
const partlyRefundedLinkOrder: OrderRow = {
  ...OPEN_ORDER,
  livemode: true,
  paymentLinkId: "plink_0kRz1aBcD2eFgHiJkLmNoPqRs",
  reference: null,
  status: "partially_refunded",
  currency: "JPY",
  amount: 5000,
  amountRefunded: 1000,
  amountRefundPending: 500,
  description: null,
  customerEmail: null,
  customerName: null,
  customerCountry: null,
  successUrl: null,
  cancelUrl: null,
  statusCallbackUrl: "https://shop.example.com/paylink/callback",
  metadata: {},
  // A platform's fee, recorded from the link.
  applicationFeeAmount: 300,
  attempts: 2,
  paymentId: "pay_0kRz1aBcD2eFgHiJkLmNoPqRs",
  paidAt: new Date("2026-05-25T10:01:00.000Z"),
  settledAt: new Date("2026-05-26T00:00:00.000Z"),
  updatedAt: new Date("2026-05-27T09:00:00.000Z"),
};

const cardPayment: PaymentRow = {
  ...SETTLED_PAYMENT,
  id: partlyRefundedLinkOrder.paymentId!,
  orderId: partlyRefundedLinkOrder.id,
  livemode: true,
  capturedAt: partlyRefundedLinkOrder.paidAt,
};

const walletAttempt: PaymentRow = {
  ...cardPayment,
  method: "alipay",
  status: "requires_action",
  cardBrand: null,
  cardLast4: null,
  nextAction: "wallet_redirect",
  capturedAt: null,
  settledAt: null,
};

const pendingRefund: RefundRow = { ...PENDING_REFUND, orderId: partlyRefundedLinkOrder.id, livemode: true, amount: 500, currency: "JPY" };

const failedRefund: RefundRow = {
  ...pendingRefund,
  livemode: false,
  status: "failed",
  reason: null,
  failureReason: "The processor could not refund this payment.",
  updatedAt: new Date("2026-05-27T09:00:10.000Z"),
};

describe("orderObjectSchema", () => {
  it.each([
    ["an open API order, no payment yet", OPEN_ORDER, null],
    ["a partly refunded link order paid by card", partlyRefundedLinkOrder, cardPayment],
    ["an order with a wallet payment under way", { ...OPEN_ORDER, status: "processing", attempts: 1 } as OrderRow, walletAttempt],
  ])("accepts what toOrderObject builds for %s, field for field", (_, row, payment) => {
    const object = toOrderObject(row, payment, APP_URL);
    // z.object strips keys it does not know: equality means the schema names every field the serializer sends.
    expect(orderObjectSchema.parse(object)).toEqual(object);
  });

  it("refuses an object missing a field or with a float amount", () => {
    const object = toOrderObject(OPEN_ORDER, null, APP_URL);
    const withoutCustomer: Partial<typeof object> = { ...object };
    delete withoutCustomer.customer;
    expect(orderObjectSchema.safeParse(withoutCustomer).success).toBe(false);
    expect(orderObjectSchema.safeParse({ ...object, amount: 99.99 }).success).toBe(false);
    expect(orderObjectSchema.safeParse({ ...object, refundable_amount: -1 }).success).toBe(false);
  });

  it("has the serializer's top-level fields, checked by the compiler too", () => {
    expectTypeOf<keyof OrderObjectShape>().toEqualTypeOf<keyof OrderObject>();
    expect(Object.keys(orderObjectSchema.shape).sort()).toEqual(Object.keys(toOrderObject(OPEN_ORDER, null, APP_URL)).sort());
  });

  it("lists the card module's brands", () => {
    expectTypeOf<(typeof CARD_BRANDS)[number]>().toEqualTypeOf<CardBrand>();
  });
});

describe("refundObjectSchema", () => {
  it.each([
    ["a pending refund with a reason", pendingRefund],
    ["a failed refund", failedRefund],
  ])("accepts what toRefundObject builds for %s, field for field", (_, row) => {
    const object = toRefundObject(row);
    expect(refundObjectSchema.parse(object)).toEqual(object);
  });

  it("refuses a zero or float amount and an unknown status", () => {
    const object = toRefundObject(pendingRefund);
    expect(refundObjectSchema.safeParse({ ...object, amount: 0 }).success).toBe(false);
    expect(refundObjectSchema.safeParse({ ...object, amount: 1.5 }).success).toBe(false);
    expect(refundObjectSchema.safeParse({ ...object, status: "canceled" }).success).toBe(false);
  });

  it("has the serializer's top-level fields, checked by the compiler too", () => {
    expectTypeOf<keyof RefundObjectShape>().toEqualTypeOf<keyof RefundObject>();
    expect(Object.keys(refundObjectSchema.shape).sort()).toEqual(Object.keys(toRefundObject(pendingRefund)).sort());
  });
});
