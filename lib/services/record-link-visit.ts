import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { builtOnce } from "@/db/built-once";
import type { Db } from "@/db/client";
import type { MerchantBrand } from "@/db/queries/checkout";
import { merchants, paymentLinks, paymentLinkSources, type PaymentLinkRow } from "@/db/schema";

const linkColumns = getTableColumns(paymentLinks);

const visitStatement = builtOnce((db) => {
  const visited = db.$with("visited").as(
    db
      .update(paymentLinks)
      .set({ visitCount: sql`${paymentLinks.visitCount} + 1` })
      .from(merchants)
      .where(and(eq(paymentLinks.token, sql.placeholder("token")), eq(merchants.id, paymentLinks.merchantId)))
      // Aliased: the outer SELECT reads the CTE's columns by name, and `name` is on both tables.
      .returning({
        ...linkColumns,
        merchantName: sql<string>`${merchants.name}`.as("merchant_name"),
        merchantBrandColor: sql<string>`${merchants.brandColor}`.as("merchant_brand_color"),
        merchantLogoUrl: sql<string | null>`${merchants.logoUrl}`.as("merchant_logo_url"),
      }),
  );
  const counted = db.$with("counted").as(
    db
      .insert(paymentLinkSources)
      // (drizzle's INSERT … SELECT wants every column, in the table's order.)
      .select(
        db
          .select({
            paymentLinkId: visited.id,
            source: sql<string>`${sql.placeholder("source")}::text`.as("source"),
            visitCount: sql<number>`1`.as("visit_count"),
            startedCount: sql<number>`0`.as("started_count"),
            payCount: sql<number>`0`.as("pay_count"),
            successAmount: sql<number>`0`.as("success_amount"),
          })
          .from(visited),
      )
      .onConflictDoUpdate({ target: [paymentLinkSources.paymentLinkId, paymentLinkSources.source], set: { visitCount: sql`${paymentLinkSources.visitCount} + 1` } })
      .returning({ source: paymentLinkSources.source }),
  );
  // Built once (db/built-once.ts): this statement took 3 ms of the app's time to build.
  return (
    db
      .with(visited, counted)
      .select()
      .from(visited)
      // A view need not wait for the disk: the statement's own transaction commits without waiting for its WAL
      // flush (set_config's `true` is SET LOCAL: over at that commit, so the connection's next transaction — a
      // payment — commits durably as ever). A crash may lose the last fraction of a second of visits (the WAL
      // writer flushes every wal_writer_delay, 200 ms by default), never a payment: a payment's commit flushes
      // everything written before it. Evaluated for the row the update counted; no row, nothing was written.
      .where(sql`set_config('synchronous_commit', 'off', true) = 'off'`)
      .prepare("record_link_visit")
  );
});

/**
 * Counts one view of a link's checkout page, on the link's stats and on its funnel under the buyer's source
 * (`src`, "" for none), and returns the link with its merchant's branding — one statement (an UPDATE … FROM
 * merchants … RETURNING feeding an upsert of the source's row), so the page costs one round trip and the two
 * counters can never disagree.
 */
export async function recordLinkVisit(db: Db, token: string, source: string | null = null): Promise<{ link: PaymentLinkRow; merchant: MerchantBrand } | null> {
  const [row] = await visitStatement(db).execute({ token, source: source ?? "" });
  if (!row) return null;
  const { merchantName, merchantBrandColor, merchantLogoUrl, ...link } = row;
  return { link: link as PaymentLinkRow, merchant: { name: merchantName, brandColor: merchantBrandColor, logoUrl: merchantLogoUrl } };
}
