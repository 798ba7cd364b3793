import { z } from "zod";

// The connected merchant object as the API answers it (lib/merchants/serialize.ts builds it), described once
// for the OpenAPI document and its reference page. object-schema.test.ts parses serializer output with it, so
// the two cannot drift apart. The request bodies take their field descriptions from here.

const merchantId = z.string().regex(/^mch_[0-9A-Za-z]+$/);

export const merchantObjectSchema = z.object({
  id: merchantId.meta({ description: "Unique identifier, prefixed `mch_`. Send it as `Paylink-Merchant` to act as this merchant." }),
  object: z.literal("merchant").meta({ description: 'Always "merchant".' }),
  name: z.string().meta({ description: "The business's name, shown to its buyers on the checkout, receipts and emails." }),
  country: z.string().regex(/^[A-Z]{2}$/).meta({ description: "Where the business is, as an ISO 3166-1 alpha-2 code." }),
  default_currency: z.string().regex(/^[A-Z]{3}$/).meta({ description: "The upper-case ISO 4217 currency its new links and orders start with." }),
  email: z.string().nullable().meta({ description: "The business's contact address, as the platform gave it; `null` for none." }),
  platform: merchantId.meta({ description: "The platform this merchant is connected to (yours)." }),
  livemode: z.boolean().meta({
    description: "The mode it was created in, and the only one the platform acts for it in: `true` for a live key (`sk_live_…`), `false` for a test key.",
  }),
  created_at: z.iso.datetime().meta({ description: "When the merchant was created (ISO 8601, UTC)." }),
  metadata: z.record(z.string(), z.string()).meta({ description: "Up to 20 string key-value pairs for your own use." }),
});

export type MerchantObjectShape = z.output<typeof merchantObjectSchema>;
