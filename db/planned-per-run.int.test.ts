import { sql } from "drizzle-orm";
import { expect, inject, test } from "vitest";
import { executedRows, openPostgres } from "./client";
import { listPaymentLinks } from "./queries/payment-links";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { newMerchantScope } from "@/test/payments";

// The pool keeps PostgreSQL's plan cache (a statement run often keeps a generic plan), except the keyword
// search, which must be planned for each keyword: a generic plan scans every link for a keyword that matches none.
test("a keyword search is planned per run; a plain list keeps its generic plan", async () => {
  // One connection: the prepared statements below are all on it, and pg_prepared_statements shows its own.
  const database = await openPostgres(inject("databaseUrl"), 1);
  try {
    const { db } = database;
    const scope = await newMerchantScope(db);
    for (let i = 0; i < 3; i++) await createPaymentLink(db, { ...scope, appUrl: "https://pay.example.com" }, { item_name: `Blue mug ${i}`, amount: 900, currency: "USD", default_country: "US" });
    for (let i = 0; i < 8; i++) {
      expect((await listPaymentLinks(db, scope, { limit: 10, q: i % 2 ? "mug" : `nothing-${i}` })).rows).toHaveLength(i % 2 ? 3 : 0);
      expect((await listPaymentLinks(db, scope, { limit: 10 })).rows).toHaveLength(3);
    }
    const plans = executedRows<{ statement: string; generic_plans: number; custom_plans: number }>(
      await db.execute(sql`select statement, generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%from "payment_links"%order by%'`),
    );
    const search = plans.filter((p) => p.statement.includes("ilike"));
    const plain = plans.filter((p) => !p.statement.includes("ilike"));
    expect(search).toHaveLength(1);
    expect(search[0]).toMatchObject({ generic_plans: 0, custom_plans: 8 });
    expect(plain).toHaveLength(1);
    expect(plain[0]!.generic_plans).toBeGreaterThan(0);
  } finally {
    await database.close();
  }
});
