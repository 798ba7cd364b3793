// What the benchmark needs in its fresh database: merchants and API keys through the real services, and a
// large merchant's links written straight into the table in batches (a million through the API would take the
// benchmark's whole time budget). The bulk rows look like API-made ones: ids that sort by creation time,
// unguessable tokens, names drawn from a vocabulary so keyword searches hit many, few or no rows.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { newId, newToken } from "@/lib/core/ids";
import { createApiKey } from "@/lib/services/create-api-key";
import { signUp } from "@/lib/services/sign-up";

export const ADJECTIVES = ["annual", "monthly", "premium", "basic", "family", "student", "summer", "winter", "express", "deluxe"];
export const NOUNS = [
  "membership", "ticket", "donation", "workshop", "course", "deposit", "subscription", "voucher", "consultation", "rental",
  "repair", "delivery", "booking", "coaching", "lesson", "tour", "pass", "bundle", "refill", "upgrade",
];

export interface BenchMerchant {
  merchantId: string;
  apiKey: string;
}

export async function benchMerchant(db: Db, name: string): Promise<BenchMerchant> {
  const { merchantId } = await signUp(db, {
    email: `bench-${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.com`,
    password: "a long enough password",
    businessName: name,
    country: "US",
    currency: "USD",
  });
  const key = await createApiKey(db, { merchantId, livemode: false }, { name: "bench" });
  return { merchantId, apiKey: key.secret };
}

/**
 * Writes `count` test-mode links for the merchant, spread over the past year (oldest first), in batches of
 * `batch` rows per INSERT … SELECT. Link i is named "<adjective> <noun> <i>" with item
 * "<noun> SKU-<i in base 36>": each adjective matches 1/10 of the rows, each noun 1/20, a SKU exactly one.
 */
export async function seedLinks(db: Db, merchantId: string, count: number, onProgress?: (done: number) => void, batch = 10_000): Promise<void> {
  const now = Date.now();
  const spanMs = 365 * 24 * 3600 * 1000;
  for (let start = 0; start < count; start += batch) {
    const rows: { id: string; token: string; name: string; item: string; amount: number; created: string }[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const at = now - spanMs + Math.floor((spanMs * i) / count);
      rows.push({
        id: newId("paymentLink", at),
        token: newToken(),
        name: `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]} ${i}`,
        item: `${NOUNS[i % NOUNS.length]} SKU-${i.toString(36)}`,
        amount: 100 + (i % 50_000),
        created: new Date(at).toISOString(),
      });
    }
    // One JSON parameter per batch: drizzle would spread a JS array into a list of parameters.
    await db.execute(sql`
      insert into payment_links (id, merchant_id, livemode, token, name, item_name, amount, currency, default_country, payment_methods, created_at, updated_at)
      select id, ${merchantId}, false, token, name, item, amount, 'USD', 'US', '{card}', created, created
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(id text, token text, name text, item text, amount bigint, created timestamptz)`);
    onProgress?.(Math.min(count, start + batch));
  }
  // As after any bulk import: set the visibility map, flush the trigram indexes' pending lists and refresh
  // the planner's statistics now, not in an autovacuum that would land in the middle of a measurement.
  await db.execute(sql`vacuum (analyze) payment_links`);
}
