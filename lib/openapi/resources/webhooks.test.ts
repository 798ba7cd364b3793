import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/events/types";
import { parseEnv } from "@/lib/core/env";
import {
  deletedWebhookEndpointSchema,
  eventObjectSchema,
  webhookEndpointObjectSchema,
  webhookEndpointWithSecretSchema,
  webhookMessageObjectSchema,
} from "@/lib/webhooks/object-schema";
import { createWebhookEndpointSchema, resendSchema, updateWebhookEndpointSchema } from "@/lib/webhooks/schemas";
import { buildOpenApiDocument } from "../document";
import type { HttpMethod } from "../types";
import { EVENT_DOCS } from "./events";
import { CREATE_EXAMPLE, DELIVERY, RESEND_EXAMPLE, UPDATE_EXAMPLE, type WebhooksTag } from "./webhooks";

const doc = buildOpenApiDocument({ serverUrl: "https://pay.example.com" });
const ENDPOINTS = "/api/v1/webhook_endpoints";

function example(path: string, method: HttpMethod, status: string): unknown {
  return doc.paths[path]![method]!.responses[status]!.content!["application/json"]!.example;
}

describe("the webhook endpoints and events of the OpenAPI document", () => {
  it("has request examples its own schemas accept", () => {
    expect(createWebhookEndpointSchema.parse(CREATE_EXAMPLE)).toBeTruthy();
    expect(updateWebhookEndpointSchema.parse(UPDATE_EXAMPLE)).toBeTruthy();
    expect(resendSchema.parse(RESEND_EXAMPLE)).toBeTruthy();
    expect(doc.paths[ENDPOINTS]!.post!.requestBody!.content["application/json"]!.example).toEqual(CREATE_EXAMPLE);
  });

  it("has response examples its own schemas accept, the secret only where the API answers it", () => {
    const withSecret = [example(ENDPOINTS, "post", "201"), example(`${ENDPOINTS}/{id}/rotate_secret`, "post", "200")];
    for (const endpoint of withSecret) expect(webhookEndpointWithSecretSchema.parse(endpoint)).toEqual(endpoint);
    expect((withSecret[0] as { secret: string }).secret).not.toBe((withSecret[1] as { secret: string }).secret);

    const withoutSecret = [
      example(`${ENDPOINTS}/{id}`, "get", "200"),
      example(`${ENDPOINTS}/{id}`, "patch", "200"),
      ...(example(ENDPOINTS, "get", "200") as { data: unknown[] }).data,
    ];
    for (const endpoint of withoutSecret) {
      expect(webhookEndpointObjectSchema.parse(endpoint)).toEqual(endpoint);
      expect(endpoint).not.toHaveProperty("secret");
    }
    expect(deletedWebhookEndpointSchema.parse(example(`${ENDPOINTS}/{id}`, "delete", "200"))).toMatchObject({ deleted: true });
    expect(webhookMessageObjectSchema.parse(example(`${ENDPOINTS}/{id}/resend`, "post", "200"))).toMatchObject({ status: "pending" });

    const events = [example("/api/v1/events/{id}", "get", "200"), ...(example("/api/v1/events", "get", "200") as { data: unknown[] }).data];
    for (const event of events) {
      expect(eventObjectSchema.parse(event)).toEqual(event);
      expect((event as { data: { object: { url: string } } }).data.object.url).toMatch(/^https:\/\/pay\.example\.com\/o\//);
    }
  });

  it("documents the delivery the contract fixes, matching the server's defaults", () => {
    const env = parseEnv({ AUTH_SECRET: "x".repeat(32) });
    expect(DELIVERY.retryScheduleSeconds).toEqual(env.WEBHOOK_RETRY_SCHEDULE_SECONDS);
    expect(DELIVERY.timeoutSeconds).toBe(env.WEBHOOK_TIMEOUT_SECONDS);
    expect(DELIVERY.disableAfterHours).toBe(env.WEBHOOK_DISABLE_AFTER_HOURS);

    const tag = doc.tags.find((t) => t.name === "Webhook endpoints") as WebhooksTag;
    for (const phrase of ["webhook-id", "webhook-timestamp", "webhook-signature", "whsec_", "HMAC-SHA256", "{webhook-id}.{webhook-timestamp}.{body}", "redirect", "15 s", "5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h", "24 h"]) {
      expect(tag.description).toContain(phrase);
    }
    expect(tag["x-webhooks"]).toMatchObject({
      specification: "https://www.standardwebhooks.com/",
      retry_schedule_seconds: [5, 300, 1800, 7200, 18000, 36000, 36000],
      max_attempts: 8,
      timeout_seconds: 15,
      rotation_overlap_hours: 24,
      body: { $ref: "#/components/schemas/Event" },
    });
    expect(tag["x-webhooks"].event_types.map((t) => t.type)).toEqual([...EVENT_TYPES]);
  });

  it("names every event type and the object it carries", () => {
    const events = doc.tags.find((t) => t.name === "Events")!;
    for (const type of EVENT_TYPES) {
      expect(events.description).toContain(`\`${type}\``);
      expect(EVENT_DOCS[type].object).toBe({ payment_link: "PaymentLink", order: "Order", refund: "Refund", message: "Message" }[type.split(".")[0]!]);
    }
  });

  it("answers 404 for an unknown endpoint or event, and refuses stray query parameters", () => {
    const codes = (path: string, method: HttpMethod) => doc.paths[path]![method]!["x-error-codes"];
    for (const [path, method] of [
      [`${ENDPOINTS}/{id}`, "get"],
      [`${ENDPOINTS}/{id}`, "patch"],
      [`${ENDPOINTS}/{id}`, "delete"],
      [`${ENDPOINTS}/{id}/rotate_secret`, "post"],
      [`${ENDPOINTS}/{id}/resend`, "post"],
      ["/api/v1/events/{id}", "get"],
    ] as const) {
      expect(codes(path, method), `${method} ${path}`).toEqual(expect.arrayContaining(["resource_missing", "parameter_unknown"]));
    }
    expect(codes(`${ENDPOINTS}/{id}/resend`, "post")).toContain("parameter_missing");
  });
});
