import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { and, count, eq, gte, lte, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { orders, paymentLinks } from "@/db/schema";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import { parseLinkFilters } from "@/lib/links/list-filters";
import { parseOrderFilters } from "@/lib/orders/list-filters";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { payLink } from "@/lib/services/pay-link";
import { openPrivateTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { exportPaymentLinksCsv, LINK_CSV_HEADER } from "./links-export";
import { exportOrdersCsv, ORDER_CSV_HEADER } from "./orders-export";
import { withoutPaging } from "./response";

// The export of a large list, streamed through the functions the routes call (lib/csv/*-export.ts), against
// real PostgreSQL. A database of its own: 200,000 orders must not slow the other files' sweeps, nor be
// expired by them. CSV_EXPORT_ROWS=1000000 makes the one-off large run.
const ROWS = Number(process.env.CSV_EXPORT_ROWS ?? 200_000);
const LINKS = 5_000;
const { db } = await openPrivateTestDatabase("paylink_csv");
const paymentContext = simulatorContext(db);

// A collection on demand, so what is measured is the live heap and not garbage V8 has yet to collect.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let scope: MerchantScope;
let paidOrderId: string;
let linkId: string;

/** Rows the list's filters (as a list URL carries them) would export. */
function filtersOf(parse: typeof parseOrderFilters | typeof parseLinkFilters, query: Record<string, string>) {
  const { params, errors } = parse(query);
  expect(errors).toEqual([]);
  return withoutPaging(params);
}

interface Drained {
  rows: number;
  bytes: number;
  /** The first chunk's text (BOM included). */
  first: string;
  seconds: number;
  /** The most memory (JS heap and array buffers) seen in use above the baseline, garbage included. */
  peakGrowthMb: number;
  /** The same, measured after a full collection every `gcEvery` chunks: what the stream really holds. */
  peakLiveGrowthMb: number;
}

const inUse = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/**
 * Reads a whole export as a client would, counting records (CRLFs) and bytes, sampling the memory in use after
 * every chunk (garbage included: V8 collects the old generation when it sees fit, not when a batch is done)
 * and after a full collection every `gcEvery` chunks.
 */
async function drain(stream: ReadableStream<Uint8Array>, gcEvery = 0): Promise<Drained> {
  if (gcEvery) gc();
  const baseline = inUse();
  const started = performance.now();
  let rows = -1; // the header
  let bytes = 0;
  let chunks = 0;
  let peak = baseline;
  let peakLive = baseline;
  let first = "";
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    bytes += chunk.byteLength;
    for (let i = 1; i < chunk.length; i++) if (chunk[i] === 10 && chunk[i - 1] === 13) rows++;
    if (!first) first = new TextDecoder("utf-8", { ignoreBOM: true }).decode(chunk.subarray(0, 4096));
    peak = Math.max(peak, inUse());
    if (gcEvery && ++chunks % gcEvery === 0) {
      gc();
      peakLive = Math.max(peakLive, inUse());
    }
  }
  const mb = (n: number) => (n - baseline) / 2 ** 20;
  return { rows, bytes, first, seconds: (performance.now() - started) / 1000, peakGrowthMb: mb(peak), peakLiveGrowthMb: mb(peakLive) };
}

beforeAll(async () => {
  scope = await newMerchantScope(db);
  const other = await newMerchantScope(db);
  const link = await createPaymentLink(db, { ...scope, ...paymentContext }, { name: "Beans", item_name: "Beans", amount: 1_250, currency: "USD", default_country: "US", payment_methods: ["card"] });
  const [linkRow] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
  linkId = link.id;
  paidOrderId = (await payLink(db, paymentContext, linkRow!.token, cardBuyer())).order.id;

  // Test data in one statement each (the services would take minutes for this many). Ids sort like the
  // services' (by creation); one order a minute from 2026-01-01; every fifth item name is one a spreadsheet must
  // not misread: Chinese with a comma and quotes, a formula, a line break. Every thousandth order carries a platform's
  // application fee of 30 (minor units), every 101st link one of 250.
  const insertOrders = (merchantId: string, livemode: boolean, rows: number, prefix: string) =>
    db.execute(sql`
      insert into orders (id, merchant_id, livemode, token, status, amount, currency, amount_captured, amount_refunded,
                          item_name, reference, customer_email, customer_name, customer_country, payment_methods,
                          expires_at, paid_at, created_at, updated_at, application_fee_amount)
      select ${prefix} || lpad(i::text, 8, '0'), ${merchantId}, ${livemode}, ${prefix} || 'tok' || i,
             (array['open','paid','refunded','expired']::order_status[])[1 + i % 4],
             1000 + i % 5000, case when i % 3 = 0 then 'JPY' else 'USD' end,
             case when i % 4 in (1, 2) then 1000 + i % 5000 end,
             case when i % 4 = 2 then 1000 + i % 5000 else 0 end,
             case i % 5 when 0 then '咖啡豆, "特级" ' || i when 1 then '=HYPERLINK("http://evil.example")' when 2 then 'two' || chr(10) || 'lines' else 'Coffee beans, house blend, 250 g bag ' || i end,
             case when i % 1000 = 0 then 'R-' || i end,
             'buyer' || i || '@example.com', 'Buyer Number ' || i, 'DE', array['card'],
             timestamptz '2026-01-01T00:00:00Z' + i * interval '1 minute' + interval '1 day',
             case when i % 4 in (1, 2) then timestamptz '2026-01-01T00:00:00Z' + i * interval '1 minute' + interval '10 seconds' end,
             timestamptz '2026-01-01T00:00:00Z' + i * interval '1 minute',
             timestamptz '2026-01-01T00:00:00Z' + i * interval '1 minute',
             case when i % 1000 = 0 then 30 end
      from generate_series(1, ${rows}) as i`);
  const started = performance.now();
  await insertOrders(scope.merchantId, false, ROWS, "ord_gen");
  console.log(`inserted ${ROWS} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The same merchant's live orders and another merchant's: in no export of this scope.
  await insertOrders(scope.merchantId, true, 1_000, "ord_live");
  await insertOrders(other.merchantId, false, 1_000, "ord_other");
  await db.execute(sql`
    insert into payment_links (id, merchant_id, livemode, token, active, name, item_name, amount, currency, default_country,
                               payment_methods, visit_count, pay_count, success_amount, created_at, application_fee_amount)
    select 'plink_gen' || lpad(i::text, 8, '0'), ${scope.merchantId}, false, 'plinktok' || i, i % 2 = 0,
           case when i % 7 = 0 then '+1 deal ' || i else 'Link ' || i end, 'Item ' || i,
           case when i % 10 <> 0 then 100 * i end, 'EUR', 'DE', array['card'], i, i % 50, (i % 50) * 100 * i,
           timestamptz '2026-01-01T00:00:00Z' + i * interval '1 hour',
           case when i % 101 = 0 then 250 end
    from generate_series(1, ${LINKS}) as i`);
  await db.execute(sql`analyze orders; analyze payment_links`);
}, 120_000);

describe("orders export", () => {
  test(`${ROWS} orders stream out with the memory in use staying flat`, async () => {
    const result = await drain(await exportOrdersCsv(db, scope, {}), 20);
    gc();
    console.log(
      `exported ${result.rows} orders: ${(result.bytes / 2 ** 20).toFixed(1)} MB in ${result.seconds.toFixed(1)} s; ` +
        `memory in use above the start: at most ${result.peakLiveGrowthMb.toFixed(1)} MB live (after a full GC every 20 batches), ` +
        `${result.peakGrowthMb.toFixed(1)} MB counting uncollected garbage`,
    );
    expect(result.rows).toBe(ROWS + 1); // and the order paid through the link; not the live mode's, not the other merchant's
    expect(result.first.startsWith(`\uFEFF${ORDER_CSV_HEADER.join(",")}\r\n`)).toBe(true);
    // What the stream holds is a batch or two, whatever the file's length (31 MB for 200,000 rows).
    expect(result.peakLiveGrowthMb).toBeLessThan(16);
    // Garbage included it stays bounded too: V8 collects it as it goes.
    expect(result.peakGrowthMb).toBeLessThan(256);
  }, 120_000);

  test("the list's filters apply: status, created dates", async () => {
    const orderCount = async (...conditions: Parameters<typeof and>) =>
      (await db.select({ n: count() }).from(orders).where(and(whereScope(orders, scope), ...conditions)))[0]!.n;

    const paid = await drain(await exportOrdersCsv(db, scope, filtersOf(parseOrderFilters, { status: "paid" })));
    expect(paid.rows).toBe(await orderCount(eq(orders.status, "paid")));
    expect(paid.rows).toBeGreaterThan(ROWS / 5);

    // Whole UTC days, as the list's "Created from / to" take them: 2026-01-02 and 2026-01-03, 2 × 1,440 minutes.
    const days = await drain(await exportOrdersCsv(db, scope, filtersOf(parseOrderFilters, { created_from: "2026-01-02", created_to: "2026-01-03" })));
    expect(days.rows).toBe(await orderCount(gte(orders.createdAt, new Date("2026-01-02T00:00:00Z")), lte(orders.createdAt, new Date("2026-01-03T23:59:59.999Z"))));
    expect(days.rows).toBe(2 * 1_440);

    const both = await drain(await exportOrdersCsv(db, scope, filtersOf(parseOrderFilters, { status: "refunded", created_from: "2026-01-02", created_to: "2026-01-02" })));
    expect(both.rows).toBe(1_440 / 4);
    expect(both.first.split("\r\n").slice(1, -1).every((line) => line.split(",")[2] === "refunded")).toBe(true);
  });

  test("one row as written: quoted, formula-guarded, UTF-8 with a BOM, both amount columns, ISO times, the fee (empty when none)", async () => {
    const bytes = new Uint8Array(await new Response(await exportOrdersCsv(db, scope, filtersOf(parseOrderFilters, { reference: "R-5000" }))).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    // i = 5000: open (5000 % 4 = 0), 1000 (1000 + 5000 % 5000) USD (5000 % 3 = 2), the Chinese item name (5000 % 5 = 0),
    // a fee of 30 cents.
    expect(text.split("\r\n")).toEqual([
      ORDER_CSV_HEADER.join(","),
      'ord_gen00005000,2026-01-04T11:20:00.000Z,open,1000,USD,10.00,0,0.00,"咖啡豆, ""特级"" 5000",R-5000,,buyer5000@example.com,Buyer Number 5000,DE,,,30,0.30',
      "",
    ]);
    // i = 3000: a fee of 30 yen, and JPY has no minor digits.
    const yen = await new Response(await exportOrdersCsv(db, scope, filtersOf(parseOrderFilters, { reference: "R-3000" }))).text();
    expect(yen.split("\r\n")[1]).toBe('ord_gen00003000,2026-01-03T02:00:00.000Z,open,4000,JPY,4000,0,0,"咖啡豆, ""特级"" 3000",R-3000,,buyer3000@example.com,Buyer Number 3000,DE,,,30,30');
    const first = await new Response(await exportOrdersCsv(db, scope, filtersOf(parseOrderFilters, { created_from: "2026-01-01", created_to: "2026-01-01" }))).text();
    const rows = first.split("\r\n");
    expect(rows).toContain(`ord_gen00000001,2026-01-01T00:01:00.000Z,paid,1001,USD,10.01,0,0.00,"'=HYPERLINK(""http://evil.example"")",,,buyer1@example.com,Buyer Number 1,DE,,2026-01-01T00:01:10.000Z,,`);
    expect(rows).toContain(`ord_gen00000003,2026-01-01T00:03:00.000Z,expired,1003,JPY,1003,0,0,"Coffee beans, house blend, 250 g bag 3",,,buyer3@example.com,Buyer Number 3,DE,,,,`);
    expect(first).toContain('"two\nlines"');
  });

  test("the payment link filter; an order paid through a link carries its link and its payment method", async () => {
    const text = await new Response(await exportOrdersCsv(db, scope, filtersOf(parseOrderFilters, { payment_link: linkId }))).text();
    const [, row, end] = text.split("\r\n");
    expect(end).toBe("");
    expect(row!.startsWith(`${paidOrderId},`)).toBe(true);
    expect(row).toMatch(/,paid,1250,USD,12\.50,0,0\.00,Beans,,plink_\w+,buyer@example\.com,Ana Buyer,[A-Z]{0,2},card,\d{4}-\d\d-\d\dT[\d:.]+Z,,$/);
  });

  test("a cancelled download stops reading", async () => {
    const reader = (await exportOrdersCsv(db, scope, {}, { batchSize: 100 })).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(await reader.closed).toBeUndefined();
  });
});

describe("payment links export", () => {
  test("every link, newest first, filters applied, custom amounts and absent fees blank", async () => {
    const ctx = { ...scope, appUrl: "https://pay.example.com" };
    const all = await drain(await exportPaymentLinksCsv(db, ctx, {}));
    expect(all.rows).toBe(LINKS + 1); // and the one made through the service
    const active = await drain(await exportPaymentLinksCsv(db, ctx, filtersOf(parseLinkFilters, { status: "active" })));
    expect(active.rows).toBe(LINKS / 2 + 1);
    const search = await new Response(await exportPaymentLinksCsv(db, ctx, filtersOf(parseLinkFilters, { q: "deal 70" }))).text();
    const lines = search.split("\r\n");
    expect(lines[0]).toBe(LINK_CSV_HEADER.join(","));
    // 70 is a multiple of 7 (the name starts with "+": guarded) and of 10 (a custom amount: blank).
    expect(lines).toContain("plink_gen00000070,2026-01-03T22:00:00.000Z,'+1 deal 70,Item 70,true,,EUR,,70,20,140000,1400.00,https://pay.example.com/l/plinktok70,,");
    // 707 = 7 × 101: a fixed price, and a platform's fee of 250 (2.50 EUR).
    expect(lines).toContain("plink_gen00000707,2026-01-30T11:00:00.000Z,'+1 deal 707,Item 707,false,70700,EUR,707.00,707,7,494900,4949.00,https://pay.example.com/l/plinktok707,250,2.50");
    expect(lines.filter((l) => l.startsWith("plink_")).map((l) => l.split(",")[0])).toEqual(["plink_gen00000707", "plink_gen00000700", "plink_gen00000070"]);
  });
});
