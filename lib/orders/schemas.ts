import { z } from "zod";
import { limitSchema, startingAfterSchema } from "@/lib/core/list-params";
import { timestampSchema } from "@/lib/core/timestamps";
import {
  countryCodeSchema,
  currencyCodeSchema,
  metadataSchema,
  minorAmountSchema,
  paymentMethodsSchema,
  captureMethodSchema,
  webUrlSchema,
  localeSettingSchema,
  applicationFeeAmountSchema,
} from "@/lib/links/schemas";
import { ORDER_STATUSES } from "@/lib/core/statuses";

// The order and refund fields of the API contract, shared by the JSON API, the dashboard and OpenAPI.

const text = (max: number) => z.string().trim().min(1, "Must not be empty.").max(max, `Must be at most ${max} characters.`);

export const customerSchema = z.strictObject({
  email: z.email("Must be an email address.").max(254).nullable().optional(),
  name: text(200).nullable().optional(),
  country: countryCodeSchema.nullable().optional(),
});

export const createOrderSchema = z.strictObject({
  amount: minorAmountSchema,
  currency: currencyCodeSchema,
  item_name: text(200),
  description: z.string().trim().max(1000, "Must be at most 1000 characters.").nullable().optional(),
  reference: text(100).nullable().optional(),
  customer: customerSchema.optional(),
  payment_methods: paymentMethodsSchema.optional(),
  capture_method: captureMethodSchema.optional(),
  expires_at: timestampSchema
    .refine((v) => Date.parse(v) > Date.now(), "Must be in the future.")
    .refine((v) => Date.parse(v) <= Date.now() + 30 * 86_400_000, "Must be within 30 days.")
    .optional(),
  success_url: webUrlSchema.nullable().optional(),
  cancel_url: webUrlSchema.nullable().optional(),
  status_callback_url: webUrlSchema.nullable().optional(),
  locale: localeSettingSchema.optional(),
  metadata: metadataSchema.optional(),
  application_fee_amount: applicationFeeAmountSchema.nullable().optional(),
});
export type CreateOrderInput = z.input<typeof createOrderSchema>;

export const listOrdersSchema = z.strictObject({
  limit: limitSchema,
  starting_after: startingAfterSchema("ord", "an order"),
  payment_link: z.string().regex(/^plink_[0-9A-Za-z]+$/, "Must be a payment link id.").optional(),
  status: z.enum(ORDER_STATUSES, { error: `Must be one of ${ORDER_STATUSES.join(", ")}.` }).optional(),
  reference: z.string().min(1, "Must not be empty.").max(100, "Must be at most 100 characters.").optional(),
  created_gte: timestampSchema.optional(),
  created_lte: timestampSchema.optional(),
});

/** POST /orders/{id}/capture: an empty body captures everything authorized. */
export const captureOrderSchema = z.strictObject({ amount: minorAmountSchema.optional() });
export type CaptureOrderInput = z.input<typeof captureOrderSchema>;

export const createRefundSchema = z.strictObject({
  amount: minorAmountSchema.optional(),
  reason: z
    .string()
    .trim()
    .max(500, "Must be at most 500 characters.")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
});
export type CreateRefundInput = z.input<typeof createRefundSchema>;

export const listRefundsSchema = z.strictObject({
  limit: limitSchema,
  starting_after: startingAfterSchema("re", "a refund"),
});
