import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { executedRows } from "@/db/client";
import { openTestDatabase } from "@/test/db";

// The keyword search's trigram indexes (db/schema/payment-links.ts): new entries wait in a pending list that
// every search reads whole. Capped at 256 kB (migration 0028) instead of PostgreSQL's 4 MB, so thousands of new
// links do not slow every search, nor does one create merge megabytes while its request waits.
test("each trigram index of the links keeps its pending list to 256 kB", async () => {
  const { db } = await openTestDatabase();
  const rows = executedRows<{ relname: string; reloptions: string[] | null }>(
    await db.execute(sql`select relname, reloptions from pg_class where relname in ('payment_links_id_trgm', 'payment_links_name_trgm', 'payment_links_item_name_trgm') order by relname`),
  );
  expect(rows.map((r) => [r.relname, r.reloptions])).toEqual([
    ["payment_links_id_trgm", ["gin_pending_list_limit=256"]],
    ["payment_links_item_name_trgm", ["gin_pending_list_limit=256"]],
    ["payment_links_name_trgm", ["gin_pending_list_limit=256"]],
  ]);
});
