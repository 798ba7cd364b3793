import { isCurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString } from "@/lib/money/money";
import { orderObjectSchema } from "@/lib/orders/object-schema";
import { METHOD_RULES, PAYMENT_METHODS, type MethodRule, type PaymentMethod } from "@/lib/payments/methods";
import { captureOrderSchema, createOrderSchema, listOrdersSchema } from "@/lib/orders/schemas";
import { toOrderObject } from "@/lib/orders/serialize";
import { listComponent, listOperation, NO_PARAMETERS, objectOperation } from "../operations";
import type { DocumentContext, OperationSpec, ResourceSpec } from "../resource";
import { CREATE_ORDER_EXAMPLE, OPEN_ORDER, ORDER_ID_PARAM, SETTLED_ORDER, SETTLED_PAYMENT } from "./order-examples";

// Orders (app/api/v1/orders/**): create, list, retrieve, capture (manual capture), the two ways to close one,
// cancel and void, and its invoice as a PDF.
// Their refunds are refunds.ts; the settle helper, test-helpers.ts.

const PATH = "/api/v1/orders";

/**
 * A status callback set by a platform acting for a connected merchant is that merchant's, signed with its secret:
 * the platform cannot check the signature, so it is pointed at its `connect` endpoints instead.
 */
export const ACTING_CALLBACK_NOTE =
  "Set by a platform acting for a connected merchant (`Paylink-Merchant`), the callbacks are signed with that merchant's callback secret, which only the merchant's own Settings shows: to hear your connected merchants' events, use a webhook endpoint with `connect: true` instead.";

/**
 * Which currencies (and amounts) each method takes, as the request notes say it: written from the methods'
 * table (lib/payments/methods.ts), so the document cannot drift from what the API validates. Methods that
 * take the same currencies and amounts share one entry, in the table's order.
 */
export function methodCurrencyNote(rules: Readonly<Record<PaymentMethod, MethodRule>> = METHOD_RULES): string {
  const groups = new Map<string, PaymentMethod[]>();
  for (const method of PAYMENT_METHODS) {
    const { currencies, amount } = rules[method];
    if (currencies === null) continue;
    const key = `${currencies.join(", ")}${amount ? ` (and ${decimal(amount.minimum, currencies[0]!)}–${decimal(amount.maximum, currencies[0]!)})` : ""}`;
    groups.set(key, [...(groups.get(key) ?? []), method]);
  }
  const entries = [...groups].map(([takes, methods]) => `${inWords(methods.map((m) => `\`${m}\``))} ${takes}`);
  const others = PAYMENT_METHODS.some((m) => rules[m].currencies === null) ? "; the others every currency" : "";
  return `Each method takes only some currencies: ${entries.join(", ")}${others}. A method that cannot take the currency is refused (400 \`parameter_invalid\`, \`param: "payment_methods"\`).`;
}

/** `a`, `a and b`, `a, b and c`. */
function inWords(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** An amount in minor units as a reader writes it in the currency: 1000000 EUR → 10,000.00. */
function decimal(minor: number, currency: string): string {
  const [whole, fraction] = (isCurrencyCode(currency) ? minorToDecimalString(minor, currency) : String(minor)).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export const METHOD_CURRENCY_NOTE = methodCurrencyNote();

export function ordersResource({ serverUrl }: DocumentContext): ResourceSpec {
  const open = toOrderObject(OPEN_ORDER, null, serverUrl);
  const settled = toOrderObject(SETTLED_ORDER, SETTLED_PAYMENT, serverUrl);
  const unsettled = { ...SETTLED_ORDER, settledAt: null, updatedAt: SETTLED_PAYMENT.capturedAt! };
  const voided = toOrderObject(
    { ...unsettled, status: "voided", updatedAt: new Date("2026-05-25T11:00:00.000Z") },
    { ...SETTLED_PAYMENT, status: "voided", settledAt: null, voidedAt: new Date("2026-05-25T11:00:00.000Z") },
    serverUrl,
  );
  const captured = toOrderObject(
    { ...unsettled, captureMethod: "manual", amountCaptured: 6000, updatedAt: SETTLED_PAYMENT.capturedAt! },
    { ...SETTLED_PAYMENT, settledAt: null },
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
    listOperation({
      path: PATH,
      operationId: "listOrders",
      summary: "List orders",
      description: "The orders of this key's merchant and mode (API orders and those paid through links), newest first, optionally filtered.",
      query: listOrdersSchema,
      noun: { one: "order", many: "orders" },
      filters: {
        payment_link: "Only orders paid through this payment link (`plink_…`).",
        status: "Only orders in this status.",
        reference: "Only the order with this reference (your own order number).",
        created_gte: "Only orders created at or after this time (ISO 8601).",
        created_lte: "Only orders created at or before this time (ISO 8601).",
      },
      response: { description: "A page of orders.", schema: "OrderList", example: settled },
    }),
    objectOperation({
      path: `${PATH}/{id}`,
      operationId: "retrieveOrder",
      summary: "Retrieve an order",
      description:
        "One order, with its payment and what may be done to it now (`allowed_void`, `allowed_refund`, `refundable_amount`). Another merchant's order is answered exactly like an unknown id: 404.",
      id: ORDER_ID_PARAM,
      response: { description: "The order.", schema: "Order", example: settled },
    }),
    objectOperation({
      method: "post",
      path: `${PATH}/{id}/cancel`,
      operationId: "cancelOrder",
      summary: "Cancel an order",
      description:
        "Closes an order whatever its state allows: an `open` or `processing` order becomes `canceled`; a paid order is voided if it is not settled, otherwise refunded in full (the refund is `pending` and settles asynchronously). Takes no body.",
      id: ORDER_ID_PARAM,
      response: { description: "The order after cancellation.", schema: "Order", example: canceled },
      errors: ["order_not_cancelable"],
    }),
    objectOperation({
      method: "post",
      path: `${PATH}/{id}/capture`,
      operationId: "captureOrder",
      summary: "Capture an order",
      description:
        "Captures an `authorized` order (one created with `capture_method: \"manual\"`, or paid through such a link): the whole authorized amount, or `amount` of it — a partial capture releases the rest. The order becomes `paid` with `amount_captured`, and an `order.paid` event is recorded; refunds, voids and settlement then work on the captured amount. Only while `allowed_capture` is true, and one capture at a time. A 503 means the processor did not answer in time: the capture is still under way and completes shortly (retrieve the order).",
      id: ORDER_ID_PARAM,
      body: { schema: "CaptureOrderRequest", example: { amount: 6000 } },
      response: { description: "The captured order, `paid`.", schema: "Order", example: captured },
      errors: ["order_not_capturable", "capture_exceeds_authorized_amount", "service_unavailable"],
    }),
    objectOperation({
      method: "post",
      path: `${PATH}/{id}/void`,
      operationId: "voidOrder",
      summary: "Void an order",
      description:
        "Cancels a paid payment before settlement, or releases an authorization waiting for capture; the order becomes `voided` and the buyer is never charged. Only while `allowed_void` is true: after settlement, refund instead. Records an `order.voided` event. Takes no body.",
      id: ORDER_ID_PARAM,
      response: { description: "The voided order.", schema: "Order", example: voided },
      errors: ["order_not_voidable"],
    }),
    {
      method: "get",
      path: `${PATH}/{id}/invoice`,
      operationId: "retrieveOrderInvoice",
      summary: "Download an order's invoice",
      description:
        "The order's invoice as a PDF file (A4): the merchant, the item and its description, the amount in the currency's own format, the due date (`expires_at`), the reference, the status, and the order's checkout `url` with its QR code. The same file the buyer gets at `/o/{token}/invoice.pdf`; its name (`Content-Disposition`) is `invoice-<reference or id>.pdf`. Errors are JSON, as everywhere.",
      pathParams: { id: ORDER_ID_PARAM },
      query: NO_PARAMETERS,
      response: { status: 200, description: "The invoice, `application/pdf`.", mediaType: "application/pdf" },
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
      OrderList: listComponent(orderObjectSchema, PATH, "A page of orders."),
      CaptureOrderRequest: {
        schema: captureOrderSchema,
        io: "input",
        description: "An empty body captures the whole authorized amount.",
        notes: { amount: "What to capture, in the currency's minor unit; at most the order's `amount` (422 `capture_exceeds_authorized_amount`). Defaults to all of it." },
      },
      CreateOrderRequest: {
        schema: createOrderSchema,
        io: "input",
        description: "A one-off order. `amount`, `currency` and `item_name` are required.",
        describeFrom: "Order",
        notes: {
          reference: "Must not repeat another order's reference in this mode (409 `resource_conflict`).",
          customer: "`country` defaults to the merchant's country.",
          payment_methods: 'Defaults to `["card"]`. With `capture_method: "manual"`, only methods that can hold a payment (card and the wallets). ' + METHOD_CURRENCY_NOTE,
          capture_method: 'Defaults to `"automatic"`.',
          expires_at: "Defaults to 24 hours from now (the server's `ORDER_DEFAULT_TTL_HOURS`); at most 30 days ahead. Any offset is accepted; stored in UTC.",
          application_fee_amount: "Platforms only: send it with the platform's key and `Paylink-Merchant: mch_…`. `0` or `null` is no fee; above `amount`: 400 `parameter_invalid`.",
          status_callback_url: ACTING_CALLBACK_NOTE,
        },
      },
    },
    operations,
  };
}
