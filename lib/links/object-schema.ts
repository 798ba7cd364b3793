import { LOCALE_SETTINGS } from "@/lib/i18n/locales";
import { z } from "zod";
import { PAYMENT_METHODS } from "@/lib/payments/methods";
import { CAPTURE_METHODS } from "@/lib/core/statuses";

// The payment link object as the API answers it (lib/links/serialize.ts builds it), described once for the
// OpenAPI document and its reference page. object-schema.test.ts parses serializer output with it, so the
// two cannot drift apart. Descriptions here are the single source for the field docs: request bodies reuse
// them for fields of the same name.

const minorAmount = z.number().int().positive();
const time = z.iso.datetime();

export const paymentLinkObjectSchema = z.object({
  id: z.string().regex(/^plink_[0-9A-Za-z]+$/).meta({ description: "Unique identifier, prefixed `plink_`." }),
  object: z.literal("payment_link").meta({ description: 'Always "payment_link".' }),
  livemode: z.boolean().meta({
    description: "`true` for a link made with a live key (`sk_live_…`), `false` in test mode (`sk_test_…`).",
  }),
  merchant: z.string().regex(/^mch_[0-9A-Za-z]+$/).meta({
    description: "The merchant the link belongs to (`mch_…`): the connected merchant when a platform's key made it with `Paylink-Merchant`.",
  }),
  url: z.url().meta({
    description: "The public hosted checkout URL to share with buyers. It carries an unguessable token, never the id.",
  }),
  active: z.boolean().meta({ description: "Whether the link takes payments. An inactive link shows buyers a \"no longer available\" page." }),
  name: z.string().meta({ description: "Merchant-facing name, shown in the dashboard." }),
  item_name: z.string().meta({ description: "What the buyer pays for, shown on the checkout page." }),
  description: z.string().nullable().meta({ description: "Longer text shown to the buyer under the item name." }),
  amount: minorAmount.nullable().meta({
    description: "Fixed price in the currency's minor unit (9999 = 99.99 USD; 500 = 500 JPY). `null` when the buyer chooses the amount (`custom_amount`).",
  }),
  currency: z.string().regex(/^[A-Z]{3}$/).meta({ description: "Upper-case ISO 4217 currency code." }),
  custom_amount: z
    .object({
      minimum: minorAmount.nullable().meta({ description: "Lowest amount the buyer may enter, in minor units." }),
      maximum: minorAmount.nullable().meta({ description: "Highest amount the buyer may enter, in minor units." }),
      preset: minorAmount.nullable().meta({ description: "Amount pre-filled on the checkout page, in minor units." }),
    })
    .nullable()
    .meta({ description: "Set when the buyer chooses the amount (`amount` is then `null`); `null` for a fixed price." }),
  default_country: z.string().regex(/^[A-Z]{2}$/).meta({ description: "ISO 3166-1 alpha-2 country pre-selected for the buyer." }),
  collect_email: z.boolean().meta({ description: "Whether checkout asks the buyer for an email address." }),
  collect_name: z.boolean().meta({ description: "Whether checkout asks the buyer for a name." }),
  payment_methods: z
    .array(z.enum(PAYMENT_METHODS))
    .meta({ description: "Payment methods offered, in display order; at least one, each once." }),
  capture_method: z.enum(CAPTURE_METHODS).meta({
    description: "Carried onto each order paid through the link: `automatic` captures at once; `manual` leaves the order `authorized` until you capture it.",
  }),
  expires_at: time.nullable().meta({ description: "When the link stops taking payments; `null` for never." }),
  max_payments: z.number().int().positive().nullable().meta({
    description: "The link stops taking payments after this many paid orders; `null` for no limit.",
  }),
  after_completion: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("message"), message: z.string().meta({ description: "Shown to the buyer after paying." }) }),
      z.object({ type: z.literal("redirect"), url: z.string().meta({ description: "Where the buyer goes after paying." }) }),
    ])
    .meta({ description: "What the buyer sees after paying: a message, or a redirect to your site." }),
  status_callback_url: z.string().nullable().meta({
    description: "Receives this link's events, signed like webhooks with the merchant's callback secret; `null` for none.",
  }),
  locale: z.enum(LOCALE_SETTINGS).meta({
    description: "The checkout's language: `auto` (the buyer's browser's Accept-Language, English if none of ours) or one of en, de, fr, es, pt-BR, sv, ja, zh-CN, th, ar. The buyer can still switch on the checkout.",
  }),
  metadata: z.record(z.string(), z.string()).meta({ description: "Up to 20 string key-value pairs for your own use." }),
  application_fee_amount: minorAmount.nullable().meta({
    description:
      "The platform's fee on each order paid through the link, in the minor unit of the link's currency (it has no currency of its own); `null` for none (`0` is stored as `null`). Only a platform's key acting for the connected merchant (`Paylink-Merchant`) may set, change or clear it (anyone else: 403 `forbidden`). At most `amount`; for a buyer-chosen amount, at most `custom_amount.minimum`, which is then required. Each order paid through the link records the fee the link had then.",
  }),
  onerway_id: z.string().regex(/^\d+$/).meta({ description: "The link's integer id on the Onerway-compatible endpoints (`/v1/txn/paymentLink/*`), as a decimal string: unique across merchants." }),
  stats: z
    .object({
      visit_count: z.number().int().nonnegative().meta({ description: "Checkout page views." }),
      pay_count: z.number().int().nonnegative().meta({ description: "Orders paid through the link." }),
      success_amount: z.number().int().nonnegative().meta({
        description: "Sum of the paid orders' amounts, in minor units (refunds are shown on the orders).",
      }),
    })
    .meta({ description: "Counters, updated as buyers visit and pay." }),
  created_at: time.meta({ description: "When the link was created (ISO 8601, UTC)." }),
  updated_at: time.meta({ description: "When the link last changed (ISO 8601, UTC)." }),
});

export type PaymentLinkObjectShape = z.output<typeof paymentLinkObjectSchema>;
