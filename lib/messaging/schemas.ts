import { z } from "zod";
import { limitSchema, startingAfterSchema } from "@/lib/core/list-params";
import { BUYER_MESSAGE_KINDS, MESSAGE_CHANNELS, MESSAGE_STATUSES } from "@/lib/core/statuses";

const time = z.iso.datetime();

/** The contract's message object (shared/spec/API.md "Messages"); lib/messaging/serialize.ts writes it. */
export const messageObjectSchema = z.object({
  id: z.string().regex(/^msg_[0-9A-Za-z]+$/).meta({ description: "Unique identifier, prefixed `msg_`." }),
  object: z.literal("message").meta({ description: 'Always "message".' }),
  livemode: z.boolean().meta({ description: "`true` for a message about live-mode objects, `false` in test mode." }),
  merchant: z.string().regex(/^mch_[0-9A-Za-z]+$/).meta({ description: "The merchant that sent it (`mch_…`): its name is the one the buyer saw." }),
  channel: z.enum(MESSAGE_CHANNELS).meta({ description: "`email` or `sms`." }),
  kind: z.enum(BUYER_MESSAGE_KINDS).meta({ description: "`payment_request` (a link or an order sent to a buyer) or `receipt` (sent when an order is paid)." }),
  to: z.string().meta({ description: "The email address or E.164 phone number it went to." }),
  payment_link: z.string().regex(/^plink_[0-9A-Za-z]+$/).nullable().meta({ description: "The payment link it is about (`plink_…`), or `null`." }),
  order: z.string().regex(/^ord_[0-9A-Za-z]+$/).nullable().meta({ description: "The order it is about (`ord_…`), or `null`." }),
  status: z.enum(MESSAGE_STATUSES).meta({
    description:
      "`queued` until the transport takes it (failed attempts are retried with backoff), `sent` once the SMTP server, the SMS provider or the outbox has it, `delivered` when the SMS provider reports it delivered (emails stay `sent`), `failed` when every attempt failed or the provider reported it undelivered.",
  }),
  failure_reason: z.string().nullable().meta({ description: "What the transport said, when `status` is `failed` (or the last failed attempt while `queued`); else `null`." }),
  created_at: time.meta({ description: "When it was queued (ISO 8601, UTC)." }),
  sent_at: time.nullable().meta({ description: "When the transport accepted it, or `null`." }),
  delivered_at: time.nullable().meta({ description: "When the SMS provider reported it delivered, or `null`." }),
});
export type MessageObjectShape = z.output<typeof messageObjectSchema>;

export const listMessagesSchema = z.strictObject({
  limit: limitSchema,
  starting_after: startingAfterSchema("msg", "a message"),
  payment_link: z.string().regex(/^plink_[0-9A-Za-z]+$/, "Must be a payment link id (plink_…).").optional(),
  order: z.string().regex(/^ord_[0-9A-Za-z]+$/, "Must be an order id (ord_…).").optional(),
  channel: z.enum(MESSAGE_CHANNELS, { error: `Must be one of: ${MESSAGE_CHANNELS.join(", ")}.` }).optional(),
  status: z.enum(MESSAGE_STATUSES, { error: `Must be one of: ${MESSAGE_STATUSES.join(", ")}.` }).optional(),
});
export type ListMessagesParams = z.output<typeof listMessagesSchema>;

/** `POST /payment_links/{id}/send` and `/orders/{id}/send`: the channel, and the address or number it goes to. */
export const sendRequestSchema = z.strictObject({
  channel: z.enum(MESSAGE_CHANNELS, { error: `Must be one of: ${MESSAGE_CHANNELS.join(", ")}.` }).meta({ description: "`email` or `sms`." }),
  to: z
    .string({ error: "Must be an email address (email) or an E.164 phone number like +46701234567 (sms)." })
    .meta({ description: "The buyer's email address (`email`), or their phone number in E.164 form, like `+46701234567` (`sms`)." }),
});
export type SendRequestParams = z.output<typeof sendRequestSchema>;
