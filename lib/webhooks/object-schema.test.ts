import { describe, expect, expectTypeOf, it } from "vitest";
import type { EventRow, OrderRow, PaymentLinkRow, RefundRow, WebhookEndpointRow, WebhookMessageRow } from "@/db/schema";
import { toPaymentLinkObject } from "@/lib/links/serialize";
import { OPEN_ORDER, PENDING_REFUND } from "@/lib/openapi/resources/order-examples";
import { EXAMPLE_LINK_ROW } from "@/lib/openapi/resources/payment-links";
import { ENDPOINT } from "@/lib/openapi/resources/webhooks";
import { toOrderObject, toRefundObject } from "@/lib/orders/serialize";
import {
  deletedWebhookEndpointSchema,
  eventObjectSchema,
  webhookEndpointObjectSchema,
  webhookEndpointWithSecretSchema,
  webhookMessageObjectSchema,
  type EventObjectShape,
  type WebhookEndpointObjectShape,
} from "./object-schema";
import { toEventObject, toMessageObject, toWebhookEndpointObject, type EventObject, type WebhookEndpointObject } from "./serialize";
import { newWebhookSecret } from "./signing";

const APP_URL = "https://pay.example.com";
const created = new Date("2026-05-25T10:00:00.000Z");

const endpoint: WebhookEndpointRow = { ...ENDPOINT, secret: newWebhookSecret() };

const disabledEndpoint: WebhookEndpointRow = {
  ...endpoint,
  livemode: true,
  description: null,
  events: ["*"],
  enabled: false,
  disabledReason: "Disabled automatically: every delivery failed for 120 hours.",
  failingSince: new Date("2026-05-20T10:00:00.000Z"),
  previousSecret: newWebhookSecret(),
  previousSecretExpiresAt: new Date("2026-05-26T10:00:00.000Z"),
};

const link: PaymentLinkRow = EXAMPLE_LINK_ROW;

const order: OrderRow = OPEN_ORDER;

const refund: RefundRow = { ...PENDING_REFUND, status: "succeeded" };

function eventRow(type: string, object: { id: string } & Record<string, unknown>): EventRow {
  return { id: "evt_0kRz1aBcD2eFgHiJkLmNoPqRs", merchantId: endpoint.merchantId, livemode: false, type, objectId: object.id, data: { object }, createdAt: created };
}

describe("webhookEndpointObjectSchema", () => {
  it.each([
    ["an enabled endpoint for two event types", endpoint],
    ["a live endpoint for every type, disabled by the platform", disabledEndpoint],
  ])("accepts what toWebhookEndpointObject builds for %s, field for field", (_, row) => {
    const object = toWebhookEndpointObject(row);
    // z.object strips keys it does not know: equality means the schema names every field the serializer sends.
    expect(webhookEndpointObjectSchema.parse(object)).toEqual(object);
    expect(object).not.toHaveProperty("secret");
  });

  it("with the secret: what create and rotate_secret answer", () => {
    const object = toWebhookEndpointObject(endpoint, { secret: true });
    expect(webhookEndpointWithSecretSchema.parse(object)).toEqual(object);
    expect(webhookEndpointWithSecretSchema.safeParse(toWebhookEndpointObject(endpoint)).success).toBe(false);
  });

  it("refuses an unknown event type", () => {
    expect(webhookEndpointObjectSchema.safeParse({ ...toWebhookEndpointObject(endpoint), events: ["order.exploded"] }).success).toBe(false);
  });

  it("has the serializer's top-level fields, checked by the compiler too", () => {
    expectTypeOf<keyof WebhookEndpointObjectShape>().toEqualTypeOf<Exclude<keyof WebhookEndpointObject, "secret">>();
    expect(Object.keys(webhookEndpointObjectSchema.shape).sort()).toEqual(Object.keys(toWebhookEndpointObject(endpoint)).sort());
  });

  it("describes a deleted endpoint", () => {
    expect(deletedWebhookEndpointSchema.parse({ id: endpoint.id, object: "webhook_endpoint", deleted: true })).toBeTruthy();
  });
});

describe("eventObjectSchema", () => {
  it.each([
    ["payment_link.created", toPaymentLinkObject(link, APP_URL)],
    ["order.created", toOrderObject(order, null, APP_URL)],
    ["refund.succeeded", toRefundObject(refund)],
  ])("accepts what toEventObject builds for %s, field for field", (type, object) => {
    const event = toEventObject(eventRow(type, object));
    expect(eventObjectSchema.parse(event)).toEqual(event);
  });

  it("refuses an unknown type or an object that is not one of the API's", () => {
    const event = toEventObject(eventRow("order.created", toOrderObject(order, null, APP_URL)));
    expect(eventObjectSchema.safeParse({ ...event, type: "order.exploded" }).success).toBe(false);
    expect(eventObjectSchema.safeParse({ ...event, data: { object: { id: "x", object: "customer" } } }).success).toBe(false);
  });

  it("has the serializer's top-level fields, checked by the compiler too", () => {
    expectTypeOf<keyof EventObjectShape>().toEqualTypeOf<keyof EventObject>();
    expect(Object.keys(eventObjectSchema.shape).sort()).toEqual(Object.keys(toEventObject(eventRow("order.created", { id: order.id }))).sort());
  });
});

describe("webhookMessageObjectSchema", () => {
  const message: WebhookMessageRow = {
    id: "msg_0kRz1aBcD2eFgHiJkLmNoPqRs",
    eventId: "evt_0kRz1aBcD2eFgHiJkLmNoPqRs",
    merchantId: endpoint.merchantId,
    livemode: false,
    endpointId: endpoint.id,
    callbackUrl: null,
    origin: "resend",
    status: "pending",
    attemptCount: 0,
    nextAttemptAt: null,
    lastAttemptAt: null,
    createdAt: created,
  };

  it("names fields that mean the same in the full message object the dashboard shows", () => {
    const full = toMessageObject(message, []);
    const parsed = webhookMessageObjectSchema.parse(full);
    expect(full).toMatchObject(parsed);
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(webhookMessageObjectSchema.shape).sort());
  });
});
