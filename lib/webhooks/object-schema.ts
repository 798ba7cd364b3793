import { z } from "zod";
import { WEBHOOK_MESSAGE_STATUSES } from "@/lib/core/statuses";
import { EVENT_TYPES } from "@/lib/events/types";
import { paymentLinkObjectSchema } from "@/lib/links/object-schema";
import { orderObjectSchema, refundObjectSchema } from "@/lib/orders/object-schema";

// The webhook endpoint, event and message objects as the API answers them (lib/webhooks/serialize.ts builds
// them), described once for the OpenAPI document and its reference page. object-schema.test.ts parses
// serializer output with them, so the two cannot drift apart. Request bodies reuse these descriptions.

const time = z.iso.datetime();
const endpointId = z.string().regex(/^we_[0-9A-Za-z]+$/);
const eventId = z.string().regex(/^evt_[0-9A-Za-z]+$/);
const merchantId = z.string().regex(/^mch_[0-9A-Za-z]+$/);


export const webhookEndpointObjectSchema = z.object({
  id: endpointId.meta({ description: "Unique identifier, prefixed `we_`." }),
  object: z.literal("webhook_endpoint").meta({ description: 'Always "webhook_endpoint".' }),
  livemode: z.boolean().meta({
    description: "`true` for an endpoint of live mode (`sk_live_…`), which hears live events only; `false` for test mode.",
  }),
  url: z.string().meta({ description: "Where events are POSTed." }),
  events: z
    .array(z.union([z.literal("*"), z.enum(EVENT_TYPES)]))
    .meta({ description: '`["*"]` for every event type, or the event types to send, each once.' }),
  description: z.string().nullable().meta({ description: "Your note about the endpoint; `null` for none." }),
  enabled: z.boolean().meta({
    description: "Whether events are sent: `false` when you paused it, or when every delivery failed for 5 days (then `disabled_reason` says so).",
  }),
  connect: z.boolean().meta({
    description:
      "`true` for a platform's endpoint that also receives the events of its connected merchants (of this mode; each event's `merchant` says whose it is). `false` (the default): only the events of the endpoint's own merchant. Only a platform, acting as itself, may set it.",
  }),
  disabled_reason: z.string().nullable().meta({
    description: "Why Paylink disabled the endpoint; `null` while it is enabled or when you disabled it.",
  }),
  failing_since: time.nullable().meta({
    description: "When deliveries started failing without a success since; `null` while the endpoint answers.",
  }),
  created_at: time.meta({ description: "When the endpoint was created (ISO 8601, UTC)." }),
  updated_at: time.meta({ description: "When the endpoint last changed (ISO 8601, UTC)." }),
});

export type WebhookEndpointObjectShape = z.output<typeof webhookEndpointObjectSchema>;

/** The answers to create and rotate_secret: the only ones that carry the secret. */
export const webhookEndpointWithSecretSchema = webhookEndpointObjectSchema.extend({
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/)
    .meta({
      description:
        "The signing secret, `whsec_` and base64: shown only in this answer, so store it now. Verify deliveries with it (Standard Webhooks); rotate it with `rotate_secret`.",
    }),
});

export const deletedWebhookEndpointSchema = z.object({
  id: endpointId.meta({ description: "The deleted endpoint's id." }),
  object: z.literal("webhook_endpoint").meta({ description: 'Always "webhook_endpoint".' }),
  deleted: z.literal(true).meta({ description: "Always `true`." }),
});

export const eventObjectSchema = z.object({
  id: eventId.meta({ description: "Unique identifier, prefixed `evt_`; also the `webhook-id` header of its deliveries." }),
  object: z.literal("event").meta({ description: 'Always "event".' }),
  type: z.enum(EVENT_TYPES).meta({ description: "What happened, such as `order.paid`." }),
  livemode: z.boolean().meta({ description: "`true` for an event of live mode, `false` for test mode." }),
  merchant: merchantId.meta({
    description: "The merchant whose object changed (`mch_…`): yours, or, on a platform's `connect` endpoint, one of its connected merchants.",
  }),
  created_at: time.meta({ description: "When the change happened (ISO 8601, UTC)." }),
  data: z
    .object({
      object: z
        .discriminatedUnion("object", [paymentLinkObjectSchema, orderObjectSchema, refundObjectSchema])
        .meta({ description: "The payment link, order or refund as the API answered it right after the change." }),
    })
    .meta({ description: "The object the event is about." }),
});

export type EventObjectShape = z.output<typeof eventObjectSchema>;

/** One event on its way to one endpoint; a resend answers it while it is still `pending`. */
export const webhookMessageObjectSchema = z.object({
  id: z.string().regex(/^(whm|msg)_[0-9A-Za-z]+$/).meta({ description: "Unique identifier, prefixed `whm_` (`msg_` for deliveries made before messages to buyers had that prefix)." }),
  object: z.literal("webhook_message").meta({ description: 'Always "webhook_message".' }),
  event: eventId.meta({ description: "The event being sent (`evt_…`)." }),
  webhook_endpoint: endpointId.meta({ description: "The endpoint it is sent to (`we_…`)." }),
  status: z.enum(WEBHOOK_MESSAGE_STATUSES).meta({
    description: "`pending` until an attempt succeeds (`succeeded`) or the retry schedule is exhausted (`failed`).",
  }),
});

export type WebhookMessageObjectShape = z.output<typeof webhookMessageObjectSchema>;
