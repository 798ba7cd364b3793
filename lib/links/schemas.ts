import { LOCALE_SETTINGS, LOCALES } from "@/lib/i18n/locales";
import { z } from "zod";
import { limitSchema, startingAfterSchema } from "@/lib/core/list-params";
import { timestampSchema } from "@/lib/core/timestamps";
import { isCountryCode } from "@/lib/geo/countries";
import { isCurrencyCode } from "@/lib/money/currencies";
import { MAX_AMOUNT_MINOR } from "@/lib/money/money";
import { CAPTURE_METHODS } from "@/lib/core/statuses";
import { PAYMENT_METHODS } from "@/lib/payments/methods";

// The payment-link fields of the API contract, validated once and shared by the JSON API, the dashboard's
// server actions and the OpenAPI document. Unknown fields are refused (strict objects).

export const minorAmountSchema = z
  .number({ error: "Must be an integer amount in the currency's minor unit (e.g. 1999 for 19.99 USD)." })
  .int("Must be an integer amount in the currency's minor unit (e.g. 1999 for 19.99 USD).")
  .positive("Must be greater than zero.")
  .max(MAX_AMOUNT_MINOR, `Must be at most ${MAX_AMOUNT_MINOR}.`);

/**
 * A platform's fee (API.md, "Platforms acting for their merchants"), in the minor unit of the link's or order's
 * currency: it has none of its own. 0 is accepted and means no fee. Who may send it, and its bound (the
 * amount, or a buyer-chosen amount's minimum), depend on the request and the object: lib/orders/application-fee.ts.
 */
export const applicationFeeAmountSchema = z
  .number({ error: "Must be an integer amount in the currency's minor unit (e.g. 150 for 1.50 USD)." })
  .int("Must be an integer amount in the currency's minor unit (e.g. 150 for 1.50 USD).")
  .nonnegative("Must not be negative.")
  .max(MAX_AMOUNT_MINOR, `Must be at most ${MAX_AMOUNT_MINOR}.`);

export const currencyCodeSchema = z
  .string()
  .refine(isCurrencyCode, "Must be an upper-case ISO 4217 currency code, such as USD.");

export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, "Must be an upper-case ISO 3166-1 alpha-2 country code, such as US.");

export const captureMethodSchema = z.enum(CAPTURE_METHODS, { error: `Must be one of ${CAPTURE_METHODS.join(", ")}.` });

export const paymentMethodsSchema = z
  .array(z.enum(PAYMENT_METHODS), { error: `Must be a list of payment methods: ${PAYMENT_METHODS.join(", ")}.` })
  .min(1, "Offer at least one payment method.")
  .refine((list) => new Set(list).size === list.length, "List each payment method once.");

/** An absolute http(s) URL: http is allowed so test mode can point at a local server. */
export const webUrlSchema = z
  .string()
  .max(2000, "Must be at most 2000 characters.")
  .pipe(z.url({ protocol: /^https?$/, error: "Must be an absolute http(s) URL." }));

export const MAX_METADATA_KEYS = 20;

const metadataKeySchema = z.string().min(1).max(40, "Metadata keys are at most 40 characters.");

export const metadataSchema = z
  .record(metadataKeySchema, z.string().max(500, "Metadata values are at most 500 characters."))
  .refine((m) => Object.keys(m).length <= MAX_METADATA_KEYS, `At most ${MAX_METADATA_KEYS} metadata keys.`);

/** The checkout's language (API.md, "Languages"): "auto" (the buyer's browser's) or one of the ten locales. */
export const localeSettingSchema = z.enum(LOCALE_SETTINGS, { error: `Must be "auto" or one of ${LOCALES.join(", ")}.` });

export const customAmountSchema = z
  .strictObject({
    minimum: minorAmountSchema.optional(),
    maximum: minorAmountSchema.optional(),
    preset: minorAmountSchema.optional(),
  })
  .refine((c) => c.minimum === undefined || c.maximum === undefined || c.minimum <= c.maximum, {
    message: "minimum must not be above maximum.",
    path: ["minimum"],
  })
  .refine((c) => c.preset === undefined || ((c.minimum ?? 0) <= c.preset && c.preset <= (c.maximum ?? Infinity)), {
    message: "preset must lie between minimum and maximum.",
    path: ["preset"],
  });

export const afterCompletionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("message"), message: z.string().trim().min(1).max(500) }),
    z.strictObject({ type: z.literal("redirect"), url: webUrlSchema }),
  ],
  { error: 'Must be {"type":"message","message":"…"} or {"type":"redirect","url":"https://…"}.' },
);

/** An expiry must lie ahead: to stop a link now, set `active: false`. */
const futureTimestampSchema = timestampSchema.refine((v) => Date.parse(v) > Date.now(), "Must be in the future (to stop a link now, set active to false).");


/** A metadata change: keys to set, and keys set to "" to remove. Only the merged result must fit in 20 keys. */
export const metadataUpdateSchema = z
  .record(metadataKeySchema, z.string().max(500, "Metadata values are at most 500 characters."))
  .refine((m) => Object.keys(m).length <= 2 * MAX_METADATA_KEYS, `At most ${2 * MAX_METADATA_KEYS} metadata keys in one update.`);

// The integer check's own words: zod's default for 2^63 quotes Number.MAX_SAFE_INTEGER, 16 digits that mean
// nothing to the client (the dashboard words the range checks itself, from their defaults).
const maxPaymentsSchema = z.number().int("Must be an integer from 1 to 1,000,000,000.").min(1).max(1_000_000_000);

const nameSchema = z.string().trim().min(1, "Must not be empty.").max(200, "Must be at most 200 characters.");
const descriptionSchema = z.string().trim().max(1000, "Must be at most 1000 characters.");

export const createPaymentLinkSchema = z
  .strictObject({
    name: nameSchema.optional(),
    item_name: nameSchema,
    description: descriptionSchema.nullable().optional(),
    amount: minorAmountSchema.nullable().optional(),
    currency: currencyCodeSchema.optional(),
    custom_amount: customAmountSchema.nullable().optional(),
    default_country: countryCodeSchema,
    collect_email: z.boolean().optional(),
    collect_name: z.boolean().optional(),
    payment_methods: paymentMethodsSchema.optional(),
    capture_method: captureMethodSchema.optional(),
    expires_at: futureTimestampSchema.nullable().optional(),
    max_payments: maxPaymentsSchema.nullable().optional(),
    after_completion: afterCompletionSchema.optional(),
    status_callback_url: webUrlSchema.nullable().optional(),
    locale: localeSettingSchema.optional(),
    metadata: metadataSchema.optional(),
    application_fee_amount: applicationFeeAmountSchema.nullable().optional(),
  })
  .refine((b) => (b.amount == null) !== (b.custom_amount == null), {
    message: "Set exactly one of amount (a fixed price) and custom_amount (the buyer chooses).",
    path: ["amount"],
  });
export type CreatePaymentLinkInput = z.input<typeof createPaymentLinkSchema>;

export const updatePaymentLinkSchema = z.strictObject({
  active: z.boolean().optional(),
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  expires_at: futureTimestampSchema.nullable().optional(),
  max_payments: maxPaymentsSchema.nullable().optional(),
  after_completion: afterCompletionSchema.optional(),
  payment_methods: paymentMethodsSchema.optional(),
  status_callback_url: webUrlSchema.nullable().optional(),
  locale: localeSettingSchema.optional(),
  /** Merged into the existing metadata; a key set to "" is removed (as Stripe does). */
  metadata: metadataUpdateSchema.optional(),
  /** The platform may change or clear (null, 0) its fee: orders paid from then on carry the new one. */
  application_fee_amount: applicationFeeAmountSchema.nullable().optional(),
});
export type UpdatePaymentLinkInput = z.input<typeof updatePaymentLinkSchema>;

const booleanParam = z.enum(["true", "false"], { error: "Must be true or false." }).transform((v) => v === "true");

export const listPaymentLinksSchema = z.strictObject({
  limit: limitSchema,
  starting_after: startingAfterSchema("plink", "a payment link"),
  active: booleanParam.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  created_gte: timestampSchema.optional(),
  created_lte: timestampSchema.optional(),
});
export type ListPaymentLinksParams = z.output<typeof listPaymentLinksSchema>;


/** The contract's funnel object (API.md, "Where buyers come from"); lib/services/link-funnel.ts writes it. */
export const funnelObjectSchema = z.object({
  object: z.literal("funnel").meta({ description: 'Always "funnel".' }),
  payment_link: z.string().regex(/^plink_[0-9A-Za-z]+$/).meta({ description: "The payment link (`plink_…`)." }),
  sources: z
    .array(
      z.object({
        source: z.string().nullable().meta({ description: "The `src` of the checkout URL the buyers opened (`qr`, `email`, `sms`, `pdf`, or the merchant's own), or `null` for none (or one that was not letters, digits, `-` and `_` up to 32 characters)." }),
        visit_count: z.int().meta({ description: "Checkout page views from this source." }),
        started_count: z.int().meta({ description: "Checkouts where the buyer submitted a payment." }),
        pay_count: z.int().meta({ description: "Orders paid." }),
        success_amount: z.int().meta({ description: "The sum of their paid amounts, in the link's currency's minor unit." }),
      }),
    )
    .meta({ description: "One entry per source seen, most visited first. The sums over sources equal the link's `stats`." }),
});
