import type { z } from "zod";
import type { OrderRow, PaymentRow, RefundRow } from "@/db/schema";
import { noQuerySchema } from "@/lib/core/list-params";
import { orderObjectSchema, refundObjectSchema, settleResultSchema } from "@/lib/orders/object-schema";
import { createOrderSchema, createRefundSchema, listOrdersSchema, listRefundsSchema, type CreateOrderInput, type CreateRefundInput } from "@/lib/orders/schemas";
import { toOrderObject, toRefundObject } from "@/lib/orders/serialize";
import { exampleList, listObjectSchema } from "../list";
import type { DocumentContext, OperationSpec, ResourceSpec } from "../resource";

// Orders, their refunds, and the test-mode settle helper: three tags of the reference, one family of routes
// (app/api/v1/orders/**, app/api/v1/refunds/[id], app/api/v1/test_helpers/settle).

const PATH = "/api/v1/orders";

/** Operations that take no parameters still refuse unknown ones (parameter_unknown), so they say so. */
const NO_PARAMETERS = { schema: noQuerySchema, descriptions: {} };

// A realistic order at each step of its life, serialized by the same code the API answers with.
const OPEN_ORDER: OrderRow = {
  id: "ord_0kRz1aBcD2eFgHiJkLmNoPqRs",
  merchantId: "mch_0kQw8ZyX7wVuTsRqPoNmLkJiH",
  livemode: false,
  paymentLinkId: null,
  reference: "A-1001",
  token: "Hq2Xw9LmT4cV7bN1zR8kP3sD6fJ0yGuE",
  status: "open",
  amount: 9999,
  currency: "USD",
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
  attempts: 0,
  paymentId: null,
  expiresAt: new Date("2026-05-26T10:00:00.000Z"),
  paidAt: null,
  settledAt: null,
  createdAt: new Date("2026-05-25T10:00:00.000Z"),
  updatedAt: new Date("2026-05-25T10:00:00.000Z"),
};

const PAYMENT: PaymentRow = {
  id: "pay_0kRz3xYzA1bCdEfGhIjKlMnOp",
  orderId: OPEN_ORDER.id,
  merchantId: OPEN_ORDER.merchantId,
  livemode: false,
  method: "card",
  processor: "simulator",
  status: "succeeded",
  cardBrand: "visa",
  cardLast4: "4242",
  nextAction: null,
  failureCode: null,
  failureMessage: null,
  processorReference: "sim_ch_5f0c6a8e6d1b4a57",
  capturedAt: new Date("2026-05-25T10:04:12.000Z"),
  settledAt: new Date("2026-05-26T00:00:00.000Z"),
  voidedAt: null,
  createdAt: new Date("2026-05-25T10:04:11.000Z"),
  updatedAt: new Date("2026-05-26T00:00:00.000Z"),
};

const SETTLED_ORDER: OrderRow = {
  ...OPEN_ORDER,
  status: "paid",
  attempts: 1,
  paymentId: PAYMENT.id,
  paidAt: PAYMENT.capturedAt,
  settledAt: PAYMENT.settledAt,
  updatedAt: PAYMENT.settledAt!,
};

const REFUND: RefundRow = {
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
  metadata: { customer_id: "42" },
} satisfies CreateOrderInput;

export const CREATE_REFUND_EXAMPLE = { amount: 2500, reason: "Damaged in transit" } satisfies CreateRefundInput;

const orderId = { description: "The order's id (`ord_…`).", example: OPEN_ORDER.id };

export function ordersResource({ serverUrl }: DocumentContext): ResourceSpec {
  const open = toOrderObject(OPEN_ORDER, null, serverUrl);
  const settled = toOrderObject(SETTLED_ORDER, PAYMENT, serverUrl);
  const unsettled = { ...SETTLED_ORDER, settledAt: null, updatedAt: PAYMENT.capturedAt! };
  const voided = toOrderObject(
    { ...unsettled, status: "voided", updatedAt: new Date("2026-05-25T11:00:00.000Z") },
    { ...PAYMENT, status: "voided", settledAt: null, voidedAt: new Date("2026-05-25T11:00:00.000Z") },
    serverUrl,
  );
  const canceled = toOrderObject({ ...OPEN_ORDER, status: "canceled", updatedAt: new Date("2026-05-25T10:30:00.000Z") }, null, serverUrl);
  const operations: OperationSpec[] = [
    {
      method: "post",
      path: PATH,
      operationId: "createOrder",
      summary: "Create an order",
      description:
        "Creates a one-off order and answers it with its checkout `url`: send the buyer there to pay. `customer` pre-fills checkout. The order expires at `expires_at` (default 24 hours) if unpaid. Records an `order.created` event. With a live key, the installation must have a payment processor for live mode: until it has, the answer is 409 `livemode_unavailable` and no order is made.",
      body: { schema: "CreateOrderRequest", example: CREATE_ORDER_EXAMPLE },
      response: { status: 201, description: "The new order, `open`.", schema: "Order", example: open },
      errors: ["resource_conflict", "livemode_unavailable"],
    },
    {
      method: "get",
      path: PATH,
      operationId: "listOrders",
      summary: "List orders",
      description: "The orders of this key's merchant and mode (API orders and those paid through links), newest first, optionally filtered.",
      query: {
        schema: listOrdersSchema,
        descriptions: {
          limit: "How many orders to answer, 1 to 100 (default 20).",
          starting_after: "A cursor: the id of the last order of the previous page.",
          payment_link: "Only orders paid through this payment link (`plink_…`).",
          status: "Only orders in this status.",
          reference: "Only the order with this reference (your own order number).",
          created_gte: "Only orders created at or after this time (ISO 8601).",
          created_lte: "Only orders created at or before this time (ISO 8601).",
        },
      },
      response: { status: 200, description: "A page of orders.", schema: "OrderList", example: exampleList(PATH, [settled]) },
    },
    {
      method: "get",
      path: `${PATH}/{id}`,
      operationId: "retrieveOrder",
      summary: "Retrieve an order",
      description:
        "One order, with its payment and what may be done to it now (`allowed_void`, `allowed_refund`, `refundable_amount`). Another merchant's order is answered exactly like an unknown id: 404.",
      pathParams: { id: orderId },
      query: NO_PARAMETERS,
      response: { status: 200, description: "The order.", schema: "Order", example: settled },
    },
    {
      method: "post",
      path: `${PATH}/{id}/cancel`,
      operationId: "cancelOrder",
      summary: "Cancel an order",
      description:
        "Closes an order whatever its state allows: an `open` or `processing` order becomes `canceled`; a paid order is voided if it is not settled, otherwise refunded in full (the refund is `pending` and settles asynchronously). Takes no body.",
      pathParams: { id: orderId },
      query: NO_PARAMETERS,
      response: { status: 200, description: "The order after cancellation.", schema: "Order", example: canceled },
      errors: ["order_not_cancelable"],
    },
    {
      method: "post",
      path: `${PATH}/{id}/void`,
      operationId: "voidOrder",
      summary: "Void an order",
      description:
        "Cancels a paid payment before settlement; the order becomes `voided` and the buyer is never charged. Only while `allowed_void` is true: after settlement, refund instead. Records an `order.voided` event. Takes no body.",
      pathParams: { id: orderId },
      query: NO_PARAMETERS,
      response: { status: 200, description: "The voided order.", schema: "Order", example: voided },
      errors: ["order_not_voidable"],
    },
  ];

  return {
    tag: {
      name: "Orders",
      "x-object-schema": "Order",
      description:
        "One purchase: created by a buyer paying through a payment link, or with `POST /api/v1/orders` for a one-off payment the buyer makes at the order's `url`. A paid order can be voided until it is settled, and refunded after.",
    },
    schemas: {
      Order: { schema: orderObjectSchema, io: "output", description: "An order." },
      OrderList: { schema: listObjectSchema(orderObjectSchema, PATH), io: "output", description: "A page of orders." },
      CreateOrderRequest: {
        schema: createOrderSchema,
        io: "input",
        description: "A one-off order. `amount`, `currency` and `item_name` are required.",
        describeFrom: "Order",
        notes: {
          reference: "Must not repeat another order's reference in this mode (409 `resource_conflict`).",
          customer: "`country` defaults to the merchant's country.",
          payment_methods: 'Defaults to `["card"]`.',
          expires_at: "Defaults to 24 hours from now (the server's `ORDER_DEFAULT_TTL_HOURS`); at most 30 days ahead. Any offset is accepted; stored in UTC.",
        },
      },
    },
    operations,
  };
}

export function refundsResource(): ResourceSpec {
  const pending = toRefundObject(REFUND);
  const succeeded = toRefundObject({ ...REFUND, status: "succeeded", updatedAt: new Date("2026-05-27T09:00:10.000Z") });
  const refundsPath = `${PATH}/{id}/refunds`;
  const listUrl = `${PATH}/${OPEN_ORDER.id}/refunds`;
  return {
    tag: {
      name: "Refunds",
      "x-object-schema": "Refund",
      description:
        "Money returned on a settled order, in part or in full. A refund is `pending` first and settles asynchronously; the order's `amount_refunded` and status follow as refunds succeed. Refunds never add up to more than was paid, also under concurrent requests.",
    },
    schemas: {
      Refund: { schema: refundObjectSchema, io: "output", description: "A refund." },
      RefundList: { schema: listObjectSchema(refundObjectSchema, listUrl), io: "output", description: "A page of an order's refunds." },
      CreateRefundRequest: {
        schema: createRefundSchema,
        io: "input",
        description: "Both fields are optional: an empty body refunds everything still refundable.",
        describeFrom: "Refund",
        notes: { amount: "Defaults to the order's whole `refundable_amount`; never more than it." },
      },
    },
    operations: [
      {
        method: "post",
        path: refundsPath,
        operationId: "createRefund",
        summary: "Refund an order",
        description:
          "Refunds part or all of a paid, settled order (while `allowed_refund` is true; before settlement, void instead). The refund is `pending` and settles asynchronously. Records a `refund.created` event, then `refund.succeeded` (with `order.refunded`) or `refund.failed`.",
        pathParams: { id: orderId },
        query: NO_PARAMETERS,
        body: { schema: "CreateRefundRequest", example: CREATE_REFUND_EXAMPLE },
        response: { status: 201, description: "The new refund, `pending`.", schema: "Refund", example: pending },
        errors: ["order_not_refundable", "refund_exceeds_refundable_amount"],
      },
      {
        method: "get",
        path: refundsPath,
        operationId: "listRefunds",
        summary: "List an order's refunds",
        description: "The refunds of one order, newest first.",
        pathParams: { id: orderId },
        query: {
          schema: listRefundsSchema,
          descriptions: {
            limit: "How many refunds to answer, 1 to 100 (default 20).",
            starting_after: "A cursor: the id of the last refund of the previous page.",
          },
        },
        response: { status: 200, description: "A page of the order's refunds.", schema: "RefundList", example: exampleList(listUrl, [succeeded]) },
      },
      {
        method: "get",
        path: "/api/v1/refunds/{id}",
        operationId: "retrieveRefund",
        summary: "Retrieve a refund",
        description: "One refund; poll it (or listen for `refund.succeeded` / `refund.failed`) to learn how a pending refund ended.",
        pathParams: { id: { description: "The refund's id (`re_…`).", example: REFUND.id } },
        query: NO_PARAMETERS,
        response: { status: 200, description: "The refund.", schema: "Refund", example: succeeded },
      },
    ],
  };
}

export function testHelpersResource(): ResourceSpec {
  return {
    tag: {
      name: "Test helpers",
      description:
        "Shortcuts for trying the API in test mode. They answer 403 `forbidden` to a live key (`sk_live_…`).",
    },
    schemas: {
      SettleResult: { schema: settleResultSchema, io: "output", description: "What the settle helper did." },
    },
    operations: [
      {
        method: "post",
        path: "/api/v1/test_helpers/settle",
        operationId: "settleTestOrders",
        summary: "Settle test orders now",
        description:
          "Settles every paid, unsettled test-mode order of the merchant at once, as the settlement job does on its schedule: they can then be refunded, no longer voided. Records an `order.settled` event for each. Test mode only; takes no body.",
        query: NO_PARAMETERS,
        response: { status: 200, description: "How many orders were settled.", schema: "SettleResult", example: { settled: 3 } satisfies z.output<typeof settleResultSchema> },
        errors: ["forbidden"],
      },
    ],
  };
}
