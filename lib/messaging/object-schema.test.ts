import type { MessageRow } from "@/db/schema";
import { describe, expect, expectTypeOf, it } from "vitest";
import { EXAMPLE_MESSAGE_ROW } from "@/lib/openapi/resources/messages";
import { messageObjectSchema, type MessageObjectShape } from "./schemas";
import { toMessageObject, type MessageObject } from "./serialize";

// The API reference's example message, and a queued email about a link: the schema the document describes and
// the serializer the API answers with must name the same fields.
const queuedEmail: MessageRow = { ...EXAMPLE_MESSAGE_ROW, channel: "email", to: "buyer@example.com", paymentLinkId: "plink_0kS1e7GhJ8kLmN9pQrStUvWxY", orderId: null, status: "queued", sentAt: null, deliveredAt: null };

describe("messageObjectSchema", () => {
  it.each([
    ["a delivered SMS about an order", EXAMPLE_MESSAGE_ROW],
    ["a queued email about a link", queuedEmail],
  ])("accepts what toMessageObject builds for %s, field for field", (_, row) => {
    const object = toMessageObject(row);
    expect(messageObjectSchema.parse(object)).toEqual(object);
  });

  it("names its merchant", () => {
    expect(toMessageObject(EXAMPLE_MESSAGE_ROW).merchant).toBe(EXAMPLE_MESSAGE_ROW.merchantId);
    expect(messageObjectSchema.safeParse({ ...toMessageObject(EXAMPLE_MESSAGE_ROW), merchant: "acct_1" }).success).toBe(false);
  });

  it("has the serializer's top-level fields, checked by the compiler too", () => {
    expectTypeOf<keyof MessageObjectShape>().toEqualTypeOf<keyof MessageObject>();
    expect(Object.keys(messageObjectSchema.shape).sort()).toEqual(Object.keys(toMessageObject(EXAMPLE_MESSAGE_ROW)).sort());
  });
});
