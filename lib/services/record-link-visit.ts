import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { paymentLinks, type PaymentLinkRow } from "@/db/schema";

/** Counts one view of a link's checkout page and returns the link, in a single statement. */
export async function recordLinkVisit(db: Db, token: string): Promise<PaymentLinkRow | null> {
  const [row] = await db
    .update(paymentLinks)
    .set({ visitCount: sql`${paymentLinks.visitCount} + 1` })
    .where(eq(paymentLinks.token, token))
    .returning();
  return row ?? null;
}
