import type { OrderRow, PaymentRow, RefundRow } from "@/db/schema";
import type { CreateOrderInput, CreateRefundInput } from "@/lib/orders/schemas";

// A realistic order at each step of its life, as database rows: the reference serializes them with the code
// the API answers with (toOrderObject, toRefundObject), and the object-schema tests check that code on them.

export const OPEN_ORDER: OrderRow = {
  id: "ord_0kRz1aBcD2eFgHiJkLmNoPqRs",
  merchantId: "mch_0kQw8ZyX7wVuTsRqPoNmLkJiH",
  livemode: false,
  paymentLinkId: null,
  reference: "A-1001",
  token: "Hq2Xw9LmT4cV7bN1zR8kP3sD6fJ0yGuE",
  status: "open",
  amount: 9999,
  currency: "USD",
  captureMethod: "automatic",
  amountCaptured: null,
  authorizationExpiresAt: null,
  amountRefunded: 0,
  amountRefundPending: 0,
  itemName: "Invoice A-1001",
  description: "Consulting, May 2026",
  customerEmail: "ana@example.com",
  customerName: "Ana Buyer",
  customerCountry: "US",
  paymentMethods: ["card", "alipay"],
  collectEmail: true,
  collectName: true,
  successUrl: "https://shop.example.com/thanks",
  cancelUrl: "https://shop.example.com/cart",
  statusCallbackUrl: null,
  metadata: { customer_id: "42" },
  locale: "auto",
  buyerLocale: null,
  applicationFeeAmount: null,
  attempts: 0,
  source: null,
  paymentId: null,
  expiresAt: new Date("2026-05-26T10:00:00.000Z"),
  paidAt: null,
  settledAt: null,
  createdAt: new Date("2026-05-25T10:00:00.000Z"),
  updatedAt: new Date("2026-05-25T10:00:00.000Z"),
};

/** The card payment that paid OPEN_ORDER, settled the next night. */
export const SETTLED_PAYMENT: PaymentRow = {
  id: "pay_0kRz3xYzA1bCdEfGhIjKlMnOp",
  orderId: OPEN_ORDER.id,
  merchantId: OPEN_ORDER.merchantId,
  livemode: false,
  method: "card",
  processor: "simulator",
  status: "succeeded",
  cardBrand: "visa",
  cardLast4: "4242",
  captureAmount: null,
  captureRequestedAt: null,
  nextAction: null,
  details: null,
  failureCode: null,
  failureMessage: null,
  processorReference: "sim_ch_5f0c6a8e6d1b4a57",
  capturedAt: new Date("2026-05-25T10:04:12.000Z"),
  settledAt: new Date("2026-05-26T00:00:00.000Z"),
  voidedAt: null,
  processorVoidedAt: null,
  createdAt: new Date("2026-05-25T10:04:11.000Z"),
  updatedAt: new Date("2026-05-26T00:00:00.000Z"),
};

export const SETTLED_ORDER: OrderRow = {
  ...OPEN_ORDER,
  status: "paid",
  attempts: 1,
  source: "email",
  paymentId: SETTLED_PAYMENT.id,
  paidAt: SETTLED_PAYMENT.capturedAt,
  amountCaptured: OPEN_ORDER.amount,
  settledAt: SETTLED_PAYMENT.settledAt,
  updatedAt: SETTLED_PAYMENT.settledAt!,
};

export const PENDING_REFUND: RefundRow = {
  id: "re_0kS02pQrS3tUvWxYzA4bCdEfG",
  orderId: OPEN_ORDER.id,
  merchantId: OPEN_ORDER.merchantId,
  livemode: false,
  amount: 2500,
  currency: "USD",
  status: "pending",
  reason: "Damaged in transit",
  processorReference: "sim_re_9d3e2b8f0c1a7e44",
  failureReason: null,
  createdAt: new Date("2026-05-27T09:00:00.000Z"),
  updatedAt: new Date("2026-05-27T09:00:00.000Z"),
};

/** The request that creates OPEN_ORDER. */
export const CREATE_ORDER_EXAMPLE = {
  amount: 9999,
  currency: "USD",
  item_name: "Invoice A-1001",
  description: "Consulting, May 2026",
  reference: "A-1001",
  customer: { email: "ana@example.com", name: "Ana Buyer", country: "US" },
  payment_methods: ["card", "alipay"],
  success_url: "https://shop.example.com/thanks",
  cancel_url: "https://shop.example.com/cart",
  locale: "auto",
  metadata: { customer_id: "42" },
} satisfies CreateOrderInput;

/** The request that creates PENDING_REFUND. */
export const CREATE_REFUND_EXAMPLE = { amount: 2500, reason: "Damaged in transit" } satisfies CreateRefundInput;

export const ORDER_ID_PARAM = { description: "The order's id (`ord_…`).", example: OPEN_ORDER.id };
