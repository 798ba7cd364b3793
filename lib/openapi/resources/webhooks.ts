import type { WebhookEndpointRow } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/events/types";
import {
  deletedWebhookEndpointSchema,
  webhookEndpointObjectSchema,
  webhookEndpointWithSecretSchema,
  webhookMessageObjectSchema,
  type WebhookMessageObjectShape,
} from "@/lib/webhooks/object-schema";
import {
  createWebhookEndpointSchema,
  listWebhookEndpointsSchema,
  resendSchema,
  updateWebhookEndpointSchema,
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
} from "@/lib/webhooks/schemas";
import { toWebhookEndpointObject } from "@/lib/webhooks/serialize";
import { NO_PARAMETERS, listComponent, listOperation, objectOperation } from "../operations";
import type { ResourceSpec } from "../resource";
import type { TagObject } from "../types";
import { EVENT_DOCS, EXAMPLE_EVENT_ID } from "./events";

const PATH = "/api/v1/webhook_endpoints";

/**
 * How Paylink delivers an event (the contract, shared/spec/API.md "Events and webhooks"). The defaults of
 * WEBHOOK_RETRY_SCHEDULE_SECONDS and WEBHOOK_TIMEOUT_SECONDS in lib/core/env.ts are these; webhooks.test.ts checks.
 */
export const DELIVERY = {
  retryScheduleSeconds: [5, 300, 1800, 7200, 18000, 36000, 36000],
  timeoutSeconds: 15,
  rotationOverlapHours: 24,
  disableAfterHours: 120,
} as const;

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${seconds / 60} min`;
  return `${seconds / 3600} h`;
}

const RETRIES = DELIVERY.retryScheduleSeconds.map(duration);

const CONNECT_NOTE =
  "Only a platform's key, acting as the platform itself, may set `true` (403 `forbidden`, `param` `connect`, for any other business, and with `Paylink-Merchant`). Defaults to `false`.";

const URL_NOTE =
  "An absolute `http` or `https` URL (`https` in live mode), at most 2048 characters, without user name or password, whose host is not a private, loopback or link-local address.";

/** The same facts as the tag's prose, as data for tools (an `x-` extension is allowed on a Tag Object). */
export interface WebhooksTag extends TagObject {
  "x-webhooks": {
    specification: string;
    method: "POST";
    content_type: "application/json";
    body: { $ref: string };
    headers: Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string>;
    signature: { algorithm: string; signed_content: string; key: string; format: string };
    success: string;
    timeout_seconds: number;
    redirects: string;
    retry_schedule_seconds: readonly number[];
    max_attempts: number;
    rotation_overlap_hours: number;
    disable_after_hours: number;
    event_types: { type: string; object: string; description: string }[];
  };
}

function webhooksTag(): WebhooksTag {
  return {
    name: "Webhook endpoints",
    "x-object-schema": "WebhookEndpoint",
    description: [
      "Where Paylink sends events: each endpoint receives the event types it subscribes to (`[\"*\"]` for all), of its own mode, as a `POST` whose JSON body is the Event object.",
      "A platform's endpoint created with `connect: true` also receives the events of its connected merchants (of the mode they were connected in); each event's `merchant` says whose it is. A connected merchant's endpoints receive only its own events.",
      "Deliveries follow the Standard Webhooks specification, so its libraries verify them: header `webhook-id` is the event id (use it to ignore a duplicate), `webhook-timestamp` the unix time in seconds, and `webhook-signature` is `v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">`, keyed with the base64 part of the endpoint's secret after `whsec_`.",
      `Delivery is at least once: an answer other than 2xx, a redirect (never followed) or no answer within ${DELIVERY.timeoutSeconds} s is a failure, retried after ${RETRIES.slice(0, -1).join(", ")} and ${RETRIES.at(-1)}; then the delivery is marked failed, and \`resend\` sends it again. Events may arrive out of order: compare \`created_at\`.`,
      `After \`rotate_secret\`, deliveries carry both the new and the old signature, space-separated, for ${DELIVERY.rotationOverlapHours} h. An endpoint whose deliveries all fail for ${DELIVERY.disableAfterHours / 24} days is disabled (see \`disabled_reason\`); set \`enabled\` to \`true\` once it answers again.`,
    ].join(" "),
    "x-webhooks": {
      specification: "https://www.standardwebhooks.com/",
      method: "POST",
      content_type: "application/json",
      body: { $ref: "#/components/schemas/Event" },
      headers: {
        "webhook-id": "The event id (`evt_…`): the same on every attempt and resend of one event.",
        "webhook-timestamp": "When this attempt was signed, in unix seconds. Refuse old timestamps to stop replays.",
        "webhook-signature": "`v1,<base64 signature>`; during a secret rotation one per active secret, space-separated.",
      },
      signature: {
        algorithm: "HMAC-SHA256",
        signed_content: "{webhook-id}.{webhook-timestamp}.{body}",
        key: "The base64-decoded part of the endpoint secret after `whsec_`.",
        format: "v1,<base64 of the HMAC>",
      },
      success: "Any 2xx status within the timeout.",
      timeout_seconds: DELIVERY.timeoutSeconds,
      redirects: "Never followed: a 3xx answer is a failure.",
      retry_schedule_seconds: DELIVERY.retryScheduleSeconds,
      max_attempts: DELIVERY.retryScheduleSeconds.length + 1,
      rotation_overlap_hours: DELIVERY.rotationOverlapHours,
      disable_after_hours: DELIVERY.disableAfterHours,
      event_types: EVENT_TYPES.map((type) => ({ type, ...EVENT_DOCS[type] })),
    },
  };
}

/** The reference's example endpoint (object-schema tests build their variations on it). */
export const ENDPOINT: WebhookEndpointRow = {
  id: "we_0kRz9mNoPqRsTuVwXyZaBcDeF",
  merchantId: "mch_0kQw8ZyX7wVuTsRqPoNmLkJiH",
  livemode: false,
  url: "https://shop.example.com/paylink/webhooks",
  description: "Order fulfilment",
  events: ["order.paid", "order.refunded"],
  enabled: true,
  connect: false,
  disabledReason: null,
  // A fixed example, not a real secret: the document must come out the same on every build.
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  previousSecret: null,
  previousSecretExpiresAt: null,
  failingSince: null,
  createdAt: new Date("2026-05-25T10:00:00.000Z"),
  updatedAt: new Date("2026-05-25T10:00:00.000Z"),
};

export const CREATE_EXAMPLE = {
  url: ENDPOINT.url,
  events: ["order.paid", "order.refunded"],
  description: "Order fulfilment",
} satisfies CreateWebhookEndpointInput;

export const UPDATE_EXAMPLE = { events: ["*"], enabled: true } satisfies UpdateWebhookEndpointInput;

export const RESEND_EXAMPLE = { event: EXAMPLE_EVENT_ID };

export function webhookEndpointsResource(): ResourceSpec {
  const endpoint = toWebhookEndpointObject(ENDPOINT);
  const created = toWebhookEndpointObject(ENDPOINT, { secret: true });
  const updated = toWebhookEndpointObject({ ...ENDPOINT, events: ["*"], updatedAt: new Date("2026-05-26T08:30:00.000Z") });
  const rotated = toWebhookEndpointObject(
    {
      ...ENDPOINT,
      secret: "whsec_Xq3nV8bT1zR6kP0sD9fJ2yGuE5hL7wMc",
      previousSecret: ENDPOINT.secret,
      previousSecretExpiresAt: new Date("2026-05-28T09:00:00.000Z"),
      updatedAt: new Date("2026-05-27T09:00:00.000Z"),
    },
    { secret: true },
  );
  const resent = {
    id: "whm_0kS1d2QrStUvWxYzAbCdEfGhI",
    object: "webhook_message",
    event: EXAMPLE_EVENT_ID,
    webhook_endpoint: ENDPOINT.id,
    status: "pending",
  } satisfies WebhookMessageObjectShape;
  const id = { description: "The webhook endpoint's id (`we_…`).", example: ENDPOINT.id };

  return {
    tag: webhooksTag(),
    schemas: {
      WebhookEndpoint: { schema: webhookEndpointObjectSchema, io: "output", description: "A webhook endpoint. Its secret is never shown again after create and rotate_secret." },
      WebhookEndpointWithSecret: {
        schema: webhookEndpointWithSecretSchema,
        io: "output",
        description: "A webhook endpoint with its signing secret: only the answers to create and rotate_secret carry it.",
      },
      WebhookEndpointList: listComponent(webhookEndpointObjectSchema, PATH, "A page of webhook endpoints."),
      DeletedWebhookEndpoint: { schema: deletedWebhookEndpointSchema, io: "output", description: "What deleting an endpoint answers." },
      WebhookMessage: {
        schema: webhookMessageObjectSchema,
        io: "output",
        description: "One event on its way to one endpoint. A resend is a new message, delivered and retried like the first.",
      },
      CreateWebhookEndpointRequest: {
        schema: createWebhookEndpointSchema,
        io: "input",
        description: "`url` and `events` are required.",
        describeFrom: "WebhookEndpoint",
        notes: { url: URL_NOTE, connect: CONNECT_NOTE },
      },
      UpdateWebhookEndpointRequest: {
        schema: updateWebhookEndpointSchema,
        io: "input",
        description: "Only the fields you send change.",
        describeFrom: "WebhookEndpoint",
        notes: { url: URL_NOTE, enabled: "Setting `true` on a disabled endpoint also clears `disabled_reason` and `failing_since`.", connect: CONNECT_NOTE },
      },
      ResendWebhookEventRequest: {
        schema: resendSchema,
        io: "input",
        description: "The event to send again.",
        describeFrom: "WebhookMessage",
        notes: {
          event:
            "One of this merchant's events in this mode, of any type: the endpoint's `events` filter does not apply. To a platform's `connect` endpoint, also an event of one of its connected merchants.",
        },
      },
    },
    operations: [
      {
        method: "post",
        path: PATH,
        operationId: "createWebhookEndpoint",
        summary: "Create a webhook endpoint",
        description:
          "Registers a URL to receive events, and answers with its signing `secret`: the only time it is shown, so store it. A live-mode endpoint takes an `https` URL; a URL whose host is a private, loopback or link-local address is refused (400 `parameter_invalid`, `param` `url`). A mode holds at most 16 endpoints (409 `resource_limit_reached`).",
        query: NO_PARAMETERS,
        body: { schema: "CreateWebhookEndpointRequest", example: CREATE_EXAMPLE },
        errors: ["resource_limit_reached", "forbidden"],
        response: { status: 201, description: "The new endpoint, with its secret.", schema: "WebhookEndpointWithSecret", example: created },
      },
      listOperation({
        path: PATH,
        operationId: "listWebhookEndpoints",
        summary: "List webhook endpoints",
        description: "The endpoints of this key's merchant and mode, newest first, without their secrets.",
        query: listWebhookEndpointsSchema,
        noun: { one: "endpoint", many: "endpoints" },
        response: { description: "A page of webhook endpoints.", schema: "WebhookEndpointList", example: endpoint },
      }),
      objectOperation({
        path: `${PATH}/{id}`,
        operationId: "retrieveWebhookEndpoint",
        summary: "Retrieve a webhook endpoint",
        description: "One endpoint, without its secret. Another merchant's endpoint is answered exactly like an unknown id: 404.",
        id,
        response: { description: "The webhook endpoint.", schema: "WebhookEndpoint", example: endpoint },
      }),
      objectOperation({
        method: "patch",
        path: `${PATH}/{id}`,
        operationId: "updateWebhookEndpoint",
        summary: "Update a webhook endpoint",
        description:
          "Changes the URL (checked like at creation), the event types, the description, `enabled` to pause and resume deliveries, or (a platform) `connect`.",
        id,
        errors: ["forbidden"],
        body: { schema: "UpdateWebhookEndpointRequest", example: UPDATE_EXAMPLE },
        response: { description: "The updated endpoint.", schema: "WebhookEndpoint", example: updated },
      }),
      objectOperation({
        method: "delete",
        path: `${PATH}/{id}`,
        operationId: "deleteWebhookEndpoint",
        summary: "Delete a webhook endpoint",
        description: "Deletes the endpoint and its delivery history; deliveries still pending stop.",
        id,
        response: { description: "The endpoint is deleted.", schema: "DeletedWebhookEndpoint", example: { id: ENDPOINT.id, object: "webhook_endpoint", deleted: true } },
      }),
      objectOperation({
        method: "post",
        path: `${PATH}/{id}/rotate_secret`,
        operationId: "rotateWebhookSecret",
        summary: "Rotate a webhook endpoint's secret",
        description: `Gives the endpoint a new signing secret, answered once. For ${DELIVERY.rotationOverlapHours} hours deliveries are signed with both the new and the old secret, so your receiver can switch over without missing one. Takes no body.`,
        id,
        response: { description: "The endpoint with its new secret.", schema: "WebhookEndpointWithSecret", example: rotated },
      }),
      objectOperation({
        method: "post",
        path: `${PATH}/{id}/resend`,
        operationId: "resendWebhookEvent",
        summary: "Resend an event to an endpoint",
        description:
          "Sends one event to this endpoint again, as a new message, even when the endpoint is disabled: after a delivery failed for good, or to test your receiver. Answers at once with the message `pending`; delivery happens in the background and is retried on the usual schedule.",
        id,
        body: { schema: "ResendWebhookEventRequest", example: RESEND_EXAMPLE },
        response: { description: "The new message, `pending`.", schema: "WebhookMessage", example: resent },
      }),
    ],
  };
}
