import { z } from "zod";
import { countryCodeSchema, currencyCodeSchema, metadataSchema, metadataUpdateSchema } from "@/lib/links/schemas";
import { limitSchema, startingAfterSchema } from "@/lib/core/list-params";

// A platform's connected merchants (API.md, "Platforms acting for their merchants"): the fields of the JSON API,
// the dashboard's form and OpenAPI.

const nameSchema = z.string().trim().min(1, "Must not be empty.").max(200, "Must be at most 200 characters.");
const emailSchema = z.email("Must be an email address.").max(254, "Must be at most 254 characters.");

export const createConnectedMerchantSchema = z.strictObject({
  name: nameSchema,
  country: countryCodeSchema,
  default_currency: currencyCodeSchema,
  email: emailSchema.nullable().optional(),
  metadata: metadataSchema.optional(),
});
export type CreateConnectedMerchantInput = z.input<typeof createConnectedMerchantSchema>;

export const updateConnectedMerchantSchema = z.strictObject({
  name: nameSchema.optional(),
  email: emailSchema.nullable().optional(),
  /** Merged into the existing metadata; a key set to "" is removed. */
  metadata: metadataUpdateSchema.optional(),
});
export type UpdateConnectedMerchantInput = z.input<typeof updateConnectedMerchantSchema>;

export const listConnectedMerchantsSchema = z.strictObject({
  limit: limitSchema,
  starting_after: startingAfterSchema("mch", "a merchant"),
});
export type ListConnectedMerchantsParams = z.output<typeof listConnectedMerchantsSchema>;
