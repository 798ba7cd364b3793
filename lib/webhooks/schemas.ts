import { z } from "zod";
import { limitSchema, startingAfterSchema } from "@/lib/core/list-params";
import { EVENT_TYPES } from "@/lib/events/types";
import { MAX_WEBHOOK_URL_LENGTH } from "./url-guard";

const eventsSchema = z
  .array(z.string(), { error: 'Must be ["*"] or a list of event types.' })
  .min(1, 'Must be ["*"] or a list of event types.')
  .max(EVENT_TYPES.length)
  .refine((list) => (list.length === 1 && list[0] === "*") || list.every((t) => (EVENT_TYPES as readonly string[]).includes(t)), {
    message: `Must be ["*"] or event types from: ${EVENT_TYPES.join(", ")}.`,
  })
  .refine((list) => new Set(list).size === list.length, "List each event type once.");

const urlSchema = z.string().trim().min(1, "Must not be empty.").max(MAX_WEBHOOK_URL_LENGTH, `Must be at most ${MAX_WEBHOOK_URL_LENGTH} characters.`);

export const createWebhookEndpointSchema = z.strictObject({
  url: urlSchema,
  events: eventsSchema,
  description: z.string().trim().max(500, "Must be at most 500 characters.").nullable().optional(),
  connect: z.boolean().optional(),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z.strictObject({
  url: urlSchema.optional(),
  events: eventsSchema.optional(),
  description: z.string().trim().max(500, "Must be at most 500 characters.").nullable().optional(),
  enabled: z.boolean().optional(),
  connect: z.boolean().optional(),
});
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointSchema>;

export const resendSchema = z.strictObject({
  event: z.string().regex(/^evt_[0-9A-Za-z]+$/, "Must be an event id."),
});

export const listEventsSchema = z.strictObject({
  limit: limitSchema,
  starting_after: startingAfterSchema("evt", "an event"),
  type: z.enum(EVENT_TYPES, { error: `Must be one of: ${EVENT_TYPES.join(", ")}.` }).optional(),
});

export const listWebhookEndpointsSchema = z.strictObject({
  limit: limitSchema,
  starting_after: startingAfterSchema("we", "a webhook endpoint"),
});
