import type { Merchant } from "@/db/schema";

// A connected merchant as the API contract shows it (API.md, "Platforms acting for their merchants").

export function toMerchantObject(merchant: Merchant) {
  return {
    id: merchant.id,
    object: "merchant" as const,
    name: merchant.name,
    country: merchant.country,
    default_currency: merchant.defaultCurrency,
    email: merchant.email,
    /** The platform it is connected to. */
    platform: merchant.platformId,
    livemode: merchant.connectedLivemode ?? false,
    created_at: merchant.createdAt.toISOString(),
    metadata: merchant.metadata,
  };
}

export type MerchantObject = ReturnType<typeof toMerchantObject>;
