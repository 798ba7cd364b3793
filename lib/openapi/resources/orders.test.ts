import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { orderObjectSchema, refundObjectSchema, settleResultSchema } from "@/lib/orders/object-schema";
import { captureOrderSchema, createOrderSchema, createRefundSchema } from "@/lib/orders/schemas";
import { METHOD_RULES, PAYMENT_METHODS } from "@/lib/payments/methods";
import { buildOpenApiDocument } from "../document";
import { listObjectSchema } from "../operations";
import { methodCurrencyNote } from "./orders";

const doc = buildOpenApiDocument({ serverUrl: "https://pay.example.com" });

/** The zod schema the API answers each response component with (the list's `url` example does not matter). */
const ANSWERED_WITH: Record<string, z.ZodType> = {
  Order: orderObjectSchema,
  OrderList: listObjectSchema(orderObjectSchema, ""),
  Refund: refundObjectSchema,
  RefundList: listObjectSchema(refundObjectSchema, ""),
  SettleResult: settleResultSchema,
};

/** Each operation of these tags: the status and component its success answer names, and that answer's example. */
const ANSWERS: Record<string, { path: string; method: "get" | "post"; status: string; schema: string }> = {
  createOrder: { path: "/api/v1/orders", method: "post", status: "201", schema: "Order" },
  listOrders: { path: "/api/v1/orders", method: "get", status: "200", schema: "OrderList" },
  retrieveOrder: { path: "/api/v1/orders/{id}", method: "get", status: "200", schema: "Order" },
  cancelOrder: { path: "/api/v1/orders/{id}/cancel", method: "post", status: "200", schema: "Order" },
  voidOrder: { path: "/api/v1/orders/{id}/void", method: "post", status: "200", schema: "Order" },
  captureOrder: { path: "/api/v1/orders/{id}/capture", method: "post", status: "200", schema: "Order" },
  createRefund: { path: "/api/v1/orders/{id}/refunds", method: "post", status: "201", schema: "Refund" },
  listRefunds: { path: "/api/v1/orders/{id}/refunds", method: "get", status: "200", schema: "RefundList" },
  retrieveRefund: { path: "/api/v1/refunds/{id}", method: "get", status: "200", schema: "Refund" },
  settleTestOrders: { path: "/api/v1/test_helpers/settle", method: "post", status: "200", schema: "SettleResult" },
};

function operation(operationId: string) {
  const { path, method } = ANSWERS[operationId]!;
  return doc.paths[path]![method]!;
}

/** The success answer the document gives for an operation: its status, the component it names, its example. */
function answer(operationId: string) {
  const [status, response] = Object.entries(operation(operationId).responses).find(([code]) => code.startsWith("2"))!;
  const media = response.content!["application/json"]!;
  return { status, schema: String(media.schema.$ref).replace("#/components/schemas/", ""), example: media.example };
}

function requestExample(operationId: string): unknown {
  return operation(operationId).requestBody!.content["application/json"]!.example;
}

describe("the orders, refunds and test helpers of the OpenAPI document", () => {
  it("documents every operation of the three tags, and no other", () => {
    const documented = Object.values(doc.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => op!.tags.some((tag) => ["Orders", "Refunds", "Test helpers"].includes(tag)))
      .map((op) => op!.operationId);
    expect(documented.sort()).toEqual([...Object.keys(ANSWERS), "retrieveOrderInvoice"].sort());
  });

  it("answers the invoice as a PDF file, refusing like every call on an order", () => {
    const invoice = doc.paths["/api/v1/orders/{id}/invoice"]!.get!;
    expect(invoice.operationId).toBe("retrieveOrderInvoice");
    expect(invoice.responses["200"]!.content).toEqual({ "application/pdf": { schema: { type: "string", format: "binary" } } });
    expect(invoice["x-error-codes"]).toEqual(expect.arrayContaining(["resource_missing", "parameter_unknown", "api_key_missing"]));
  });

  it.each(Object.keys(ANSWERS))("answers %s with the component the API answers with, and an example that schema accepts field for field", (operationId) => {
    const { status, schema, example } = answer(operationId);
    expect({ status, schema }).toEqual({ status: ANSWERS[operationId]!.status, schema: ANSWERS[operationId]!.schema });
    expect(doc.components.schemas[schema]).toBeDefined();
    // z.object strips keys it does not know: equality means the example has exactly the fields the API sends.
    expect(ANSWERED_WITH[schema]!.parse(example)).toEqual(example);
  });

  it("puts the orders' checkout URLs on the document's server", () => {
    const orders = ["createOrder", "retrieveOrder", "cancelOrder", "voidOrder", "captureOrder"].map((id) => answer(id).example);
    orders.push(...(answer("listOrders").example as { data: unknown[] }).data);
    for (const order of orders) expect((order as { url: string }).url).toMatch(/^https:\/\/pay\.example\.com\/o\//);
  });

  it("answers the create-order example, as the API parses it, with the order it describes", () => {
    const input = createOrderSchema.parse(requestExample("createOrder"));
    expect(answer("createOrder").example).toMatchObject({
      status: "open",
      amount: input.amount,
      currency: input.currency,
      item_name: input.item_name,
      description: input.description,
      reference: input.reference,
      customer: input.customer,
      payment_methods: input.payment_methods,
      success_url: input.success_url,
      cancel_url: input.cancel_url,
      metadata: input.metadata,
    });
  });

  it("answers the create-refund example, as the API parses it, with a refund the documented order allows", () => {
    const input = createRefundSchema.parse(requestExample("createRefund"));
    const refund = answer("createRefund").example as z.output<typeof refundObjectSchema>;
    const order = answer("retrieveOrder").example as z.output<typeof orderObjectSchema>;
    expect(refund).toMatchObject({ status: "pending", amount: input.amount, reason: input.reason, order: order.id, currency: order.currency });
    expect(order.allowed_refund).toBe(true);
    expect(refund.amount).toBeLessThanOrEqual(order.refundable_amount);
  });

  it("shows each order at the step its operation leaves it in", () => {
    expect(answer("createOrder").example).toMatchObject({ status: "open", payment: null });
    expect(answer("voidOrder").example).toMatchObject({ status: "voided", allowed_void: false, payment: { status: "voided" } });
    expect(answer("cancelOrder").example).toMatchObject({ status: "canceled" });
    const capture = captureOrderSchema.parse(requestExample("captureOrder"));
    expect(answer("captureOrder").example).toMatchObject({ status: "paid", capture_method: "manual", amount_captured: capture.amount, allowed_capture: false });
    expect(answer("settleTestOrders").example).toEqual({ settled: 3 });
  });

  it("names the contract's domain errors on the operations that answer them", () => {
    const codes = (operationId: string) => operation(operationId)["x-error-codes"];
    expect(codes("voidOrder")).toContain("order_not_voidable");
    expect(codes("captureOrder")).toEqual(expect.arrayContaining(["order_not_capturable", "capture_exceeds_authorized_amount"]));
    expect(codes("cancelOrder")).toContain("order_not_cancelable");
    expect(codes("createRefund")).toEqual(expect.arrayContaining(["order_not_refundable", "refund_exceeds_refundable_amount"]));
    expect(codes("settleTestOrders")).toContain("forbidden");
    expect(codes("retrieveOrder")).toEqual(expect.arrayContaining(["resource_missing", "parameter_unknown"]));
  });
});

describe("the payment methods' currency note", () => {
  const description = (schema: string) => ((doc.components.schemas[schema]!.properties as Record<string, { description: string }>).payment_methods!).description;

  it("says what the methods' table says: each method that takes only some currencies, with them and its amount limits", () => {
    const note = methodCurrencyNote();
    for (const method of PAYMENT_METHODS) {
      const { currencies, amount } = METHOD_RULES[method];
      if (currencies === null) {
        expect(note, method).not.toContain(`\`${method}\``);
        continue;
      }
      // The method, then (after any methods that share its entry) its currencies.
      expect(note, method).toMatch(new RegExp(`\`${method}\`[^;]*? ${currencies.join(", ")}${amount ? " \\(and " : "(,|;)"}`));
    }
    expect(note).toContain("`klarna` EUR, USD, GBP, SEK, NOK, DKK (and 1.00–10,000.00)");
    expect(note).toContain("`ideal`, `bancontact` and `sepa_debit` EUR,");
    expect(description("CreateOrderRequest")).toContain(note);
    expect(description("CreatePaymentLinkRequest")).toContain(note);
  });

  it("follows a change of the table", () => {
    const changed = { ...METHOD_RULES, pix: { ...METHOD_RULES.pix, currencies: ["BRL", "USD"] }, card: { ...METHOD_RULES.card, currencies: ["JPY"], amount: { minimum: 50, maximum: 9_999_999 } } };
    expect(methodCurrencyNote(changed)).toMatch(/^Each method takes only some currencies: `card` JPY \(and 50–9,999,999\), `promptpay` THB, `pix` BRL, USD, /);
    const everyMethodLimited = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, { ...METHOD_RULES[m], currencies: METHOD_RULES[m].currencies ?? ["USD"] }])) as typeof METHOD_RULES;
    expect(methodCurrencyNote(everyMethodLimited)).not.toContain("the others every currency");
  });
});
