import { describe, expect, it } from "vitest";
import { orderObjectSchema, refundObjectSchema, settleResultSchema } from "@/lib/orders/object-schema";
import { createOrderSchema, createRefundSchema } from "@/lib/orders/schemas";
import { buildOpenApiDocument } from "../document";
import { CREATE_ORDER_EXAMPLE, CREATE_REFUND_EXAMPLE } from "./order-examples";

const doc = buildOpenApiDocument({ serverUrl: "https://pay.example.com" });

function example(path: string, method: "get" | "post", status: string): unknown {
  return doc.paths[path]![method]!.responses[status]!.content!["application/json"]!.example;
}

describe("the orders, refunds and test helpers of the OpenAPI document", () => {
  it("has request examples its own schemas accept", () => {
    expect(createOrderSchema.parse(CREATE_ORDER_EXAMPLE)).toBeTruthy();
    expect(createRefundSchema.parse(CREATE_REFUND_EXAMPLE)).toBeTruthy();
    expect(doc.paths["/api/v1/orders"]!.post!.requestBody!.content["application/json"]!.example).toEqual(CREATE_ORDER_EXAMPLE);
  });

  it("has response examples its own schemas accept, with URLs on the document's server", () => {
    const orders = [
      example("/api/v1/orders", "post", "201"),
      example("/api/v1/orders/{id}", "get", "200"),
      example("/api/v1/orders/{id}/cancel", "post", "200"),
      example("/api/v1/orders/{id}/void", "post", "200"),
      ...(example("/api/v1/orders", "get", "200") as { data: unknown[] }).data,
    ];
    for (const order of orders) {
      expect(orderObjectSchema.parse(order)).toEqual(order);
      expect((order as { url: string }).url).toMatch(/^https:\/\/pay\.example\.com\/o\//);
    }
    const refunds = [
      example("/api/v1/orders/{id}/refunds", "post", "201"),
      example("/api/v1/refunds/{id}", "get", "200"),
      ...(example("/api/v1/orders/{id}/refunds", "get", "200") as { data: unknown[] }).data,
    ];
    for (const refund of refunds) expect(refundObjectSchema.parse(refund)).toEqual(refund);
    expect(settleResultSchema.parse(example("/api/v1/test_helpers/settle", "post", "200"))).toEqual({ settled: 3 });
  });

  it("shows each order at the step its operation leaves it in", () => {
    expect(example("/api/v1/orders", "post", "201")).toMatchObject({ status: "open", payment: null });
    expect(example("/api/v1/orders/{id}/void", "post", "200")).toMatchObject({ status: "voided", allowed_void: false, payment: { status: "voided" } });
    expect(example("/api/v1/orders/{id}/cancel", "post", "200")).toMatchObject({ status: "canceled" });
    expect(example("/api/v1/orders/{id}/refunds", "post", "201")).toMatchObject({ status: "pending" });
  });

  it("names the contract's domain errors on the operations that answer them", () => {
    const codes = (path: string, method: "get" | "post") => doc.paths[path]![method]!["x-error-codes"];
    expect(codes("/api/v1/orders/{id}/void", "post")).toContain("order_not_voidable");
    expect(codes("/api/v1/orders/{id}/cancel", "post")).toContain("order_not_cancelable");
    expect(codes("/api/v1/orders/{id}/refunds", "post")).toEqual(expect.arrayContaining(["order_not_refundable", "refund_exceeds_refundable_amount"]));
    expect(codes("/api/v1/test_helpers/settle", "post")).toContain("forbidden");
    expect(codes("/api/v1/orders/{id}", "get")).toEqual(expect.arrayContaining(["resource_missing", "parameter_unknown"]));
  });
});
