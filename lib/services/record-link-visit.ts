import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { MerchantBrand } from "@/db/queries/checkout";
import { merchants, paymentLinks, type PaymentLinkRow } from "@/db/schema";

const linkColumns = getTableColumns(paymentLinks);

/**
 * Counts one view of a link's checkout page and returns the link with its merchant's branding — one
 * statement (UPDATE … FROM merchants … RETURNING), so the page costs one round trip to the database.
 */
export async function recordLinkVisit(db: Db, token: string): Promise<{ link: PaymentLinkRow; merchant: MerchantBrand } | null> {
  const [row] = await db
    .update(paymentLinks)
    .set({ visitCount: sql`${paymentLinks.visitCount} + 1` })
    .from(merchants)
    .where(and(eq(paymentLinks.token, token), eq(merchants.id, paymentLinks.merchantId)))
    .returning({ ...linkColumns, merchantName: merchants.name, merchantBrandColor: merchants.brandColor, merchantLogoUrl: merchants.logoUrl });
  if (!row) return null;
  const { merchantName, merchantBrandColor, merchantLogoUrl, ...link } = row;
  return { link, merchant: { name: merchantName, brandColor: merchantBrandColor, logoUrl: merchantLogoUrl } };
}
