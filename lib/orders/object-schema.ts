import { LOCALE_SETTINGS } from "@/lib/i18n/locales";
import { z } from "zod";
import { PAYMENT_METHODS } from "@/lib/payments/methods";
import { CAPTURE_METHODS, ORDER_STATUSES, PAYMENT_STATUSES, REFUND_STATUSES } from "@/lib/core/statuses";

// The order and refund objects as the API answers them (lib/orders/serialize.ts builds them), described once
// for the OpenAPI document and its reference page. object-schema.test.ts parses serializer output with them,
// so the two cannot drift apart. Request bodies reuse these descriptions for fields of the same name.

const minorAmount = z.number().int().positive();
const minorTotal = z.number().int().nonnegative();
const time = z.iso.datetime();

export const CARD_BRANDS = ["visa", "mastercard", "amex", "discover", "jcb", "unionpay", "unknown"] as const;

export const orderObjectSchema = z.object({
  id: z.string().regex(/^ord_[0-9A-Za-z]+$/).meta({ description: "Unique identifier, prefixed `ord_`." }),
  object: z.literal("order").meta({ description: 'Always "order".' }),
  livemode: z.boolean().meta({
    description: "`true` for an order in live mode (`sk_live_…`), `false` in test mode (`sk_test_…`).",
  }),
  merchant: z.string().regex(/^mch_[0-9A-Za-z]+$/).meta({
    description: "The merchant the order belongs to (`mch_…`): the connected merchant when a platform's key made it with `Paylink-Merchant`.",
  }),
  payment_link: z.string().nullable().meta({
    description: "The payment link the buyer paid through (`plink_…`); `null` for an order created with `POST /api/v1/orders`.",
  }),
  reference: z.string().nullable().meta({
    description: "Your own order number; unique per merchant and mode when given, and a filter of the list.",
  }),
  url: z.url().meta({
    description: "The hosted checkout URL where the buyer pays this order. It carries an unguessable token, never the id.",
  }),
  status: z.enum(ORDER_STATUSES).meta({
    description:
      "`open` (awaiting payment) → `processing` (3-D Secure, a wallet or a bank transfer under way) → `paid`; then `voided` (before settlement) or `partially_refunded` → `refunded` (after). With `capture_method: \"manual\"` the payment first makes the order `authorized` (the money is held) until it is captured (`paid`), voided (`voided`) or the authorization lapses (`expired`). An open order can also become `canceled` or `expired`.",
  }),
  amount: minorAmount.meta({ description: "Amount to pay, in the currency's minor unit (9999 = 99.99 USD; 500 = 500 JPY)." }),
  currency: z.string().regex(/^[A-Z]{3}$/).meta({ description: "Upper-case ISO 4217 currency code." }),
  capture_method: z.enum(CAPTURE_METHODS).meta({
    description: "`automatic`: the payment is captured when authorized. `manual`: it is only authorized (status `authorized`) until you capture it with `POST /api/v1/orders/{id}/capture`.",
  }),
  amount_captured: minorAmount.nullable().meta({
    description: "What was captured, in minor units: `amount`, or less after a partial capture (the rest was released). `null` until captured. Refunds, voids and settlement work on this.",
  }),
  amount_refunded: minorTotal.meta({ description: "Sum of the refunds that succeeded, in minor units." }),
  application_fee_amount: minorAmount.nullable().meta({
    description:
      "The platform's fee on this order, in the minor unit of the order's `currency` (it has no currency of its own); `null` for none (`0` is stored as `null`). Set at creation by a platform's key acting for the connected merchant (`Paylink-Merchant`; anyone else: 403 `forbidden`), at most `amount`; an order paid through a link records the link's fee. The platform's dashboard sums it per currency over captured orders (paid, partially refunded, refunded; at most what was captured). Refunds do not return it.",
  }),
  item_name: z.string().meta({ description: "What the buyer pays for, shown on the checkout page." }),
  description: z.string().nullable().meta({ description: "Longer text shown to the buyer under the item name." }),
  customer: z
    .object({
      email: z.string().nullable().meta({ description: "The buyer's email address." }),
      name: z.string().nullable().meta({ description: "The buyer's name." }),
      country: z.string().regex(/^[A-Z]{2}$/).nullable().meta({ description: "ISO 3166-1 alpha-2 country of the buyer." }),
    })
    .meta({
      description: "Who pays. Values given at creation pre-fill checkout; the buyer may correct them, and the order then shows what the buyer entered.",
    }),
  payment_methods: z
    .array(z.enum(PAYMENT_METHODS))
    .meta({ description: "Payment methods offered at checkout, in display order; at least one, each once." }),
  payment: z
    .object({
      id: z.string().regex(/^pay_[0-9A-Za-z]+$/).meta({ description: "Unique identifier of the payment, prefixed `pay_`." }),
      method: z.enum(PAYMENT_METHODS).meta({ description: "How the buyer paid." }),
      processor: z.string().meta({
        description:
          "The processor connector that handled the payment: `simulator` for every test-mode payment, and for live payments only where the operator set `SIMULATOR_LIVE_MODE=true` for a demonstration (no real money moved).",
        examples: ["simulator"],
      }),
      card: z
        .object({
          brand: z.enum(CARD_BRANDS).meta({ description: "Card network." }),
          last4: z.string().regex(/^\d{4}$/).meta({ description: "Last four digits of the card number (the only digits ever kept)." }),
        })
        .nullable()
        .meta({ description: "The card, for a card payment; `null` otherwise." }),
      status: z.enum(PAYMENT_STATUSES).meta({
        description: "`authorizing` while the processor is asked; `requires_action` or `pending` while the buyer or the bank is still to act; `authorized` (manual capture: held, not captured); `succeeded` once captured; `failed`; `voided` (given back, or the hold released).",
      }),
      captured_at: time.nullable().meta({ description: "When the money was captured; `null` until then." }),
      settled_at: time.nullable().meta({ description: "When the payment was settled to the merchant; `null` until then." }),
    })
    .nullable()
    .meta({ description: "The successful payment, else the latest attempt; `null` before the buyer tries to pay." }),
  attempts: z.number().int().nonnegative().meta({ description: "Payment attempts, failed ones included." }),
  allowed_capture: z.boolean().meta({ description: "Whether the order can be captured now: true only while `authorized`." }),
  authorization_expires_at: time.nullable().meta({
    description: "While `authorized`: when the authorization lapses and the order expires (`order.expired`) unless captured. `null` otherwise.",
  }),
  allowed_void: z.boolean().meta({ description: "Whether the order can be voided now: authorized (the hold is released), or paid, not yet settled, and without a refund." }),
  allowed_refund: z.boolean().meta({
    description: "Whether the order can be refunded now: paid, settled, and `refundable_amount` above 0. Never for a `promptpay` payment; for `pix`, only once, in full.",
  }),
  refundable_amount: minorTotal.meta({
    description: "What a refund may still take, in minor units: the amount paid minus refunds that succeeded or are pending. 0 before settlement.",
  }),
  success_url: z.string().nullable().meta({ description: "Where checkout sends the buyer after paying; `null` to show a confirmation page." }),
  cancel_url: z.string().nullable().meta({ description: "Where checkout sends a buyer who gives up; `null` for no link back." }),
  status_callback_url: z.string().nullable().meta({
    description: "Receives this order's events, signed like webhooks with the merchant's callback secret; `null` for none.",
  }),
  locale: z.enum(LOCALE_SETTINGS).meta({
    description: "The checkout's language, its emails' and its PDFs': `auto` (the buyer's browser's on the checkout; the language they paid in, else English, for what is sent later) or one of en, de, fr, es, pt-BR, sv, ja, zh-CN, th, ar.",
  }),
  expires_at: time.meta({ description: "When an unpaid order expires and stops taking payments (ISO 8601, UTC)." }),
  paid_at: time.nullable().meta({ description: "When the order was paid; `null` until then." }),
  settled_at: time.nullable().meta({ description: "When the payment was settled: from then on it can be refunded, no longer voided." }),
  created_at: time.meta({ description: "When the order was created (ISO 8601, UTC)." }),
  updated_at: time.meta({ description: "When the order last changed (ISO 8601, UTC)." }),
  metadata: z.record(z.string(), z.string()).meta({ description: "Up to 20 string key-value pairs for your own use." }),
});

export type OrderObjectShape = z.output<typeof orderObjectSchema>;

export const refundObjectSchema = z.object({
  id: z.string().regex(/^re_[0-9A-Za-z]+$/).meta({ description: "Unique identifier, prefixed `re_`." }),
  object: z.literal("refund").meta({ description: 'Always "refund".' }),
  livemode: z.boolean().meta({ description: "`true` for a refund in live mode, `false` in test mode." }),
  merchant: z.string().regex(/^mch_[0-9A-Za-z]+$/).meta({ description: "The merchant whose order was refunded (`mch_…`)." }),
  order: z.string().regex(/^ord_[0-9A-Za-z]+$/).meta({ description: "The refunded order (`ord_…`)." }),
  amount: minorAmount.meta({ description: "Amount refunded, in the currency's minor unit." }),
  currency: z.string().regex(/^[A-Z]{3}$/).meta({ description: "Upper-case ISO 4217 currency code: the order's." }),
  status: z.enum(REFUND_STATUSES).meta({
    description: "`pending` when created; `succeeded` or `failed` once the processor settles it (asynchronously).",
  }),
  reason: z.string().nullable().meta({ description: "Why the refund was made, for your records; `null` for none." }),
  failure_reason: z.string().nullable().meta({ description: "Why the processor could not refund, when `status` is `failed`; else `null`." }),
  created_at: time.meta({ description: "When the refund was created (ISO 8601, UTC)." }),
  updated_at: time.meta({ description: "When the refund last changed (ISO 8601, UTC)." }),
});

export type RefundObjectShape = z.output<typeof refundObjectSchema>;

/** The answer of POST /api/v1/test_helpers/settle. */
export const settleResultSchema = z.object({
  settled: z.number().int().nonnegative().meta({ description: "How many paid, unsettled test orders were settled now." }),
});
