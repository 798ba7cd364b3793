// Drill (issue #12): the processor takes 2 s to answer every authorization, and 50 buyers pay one link at once
// through the hosted checkout over HTTP (JavaScript off), on the real app. No lock is held while the processor
// thinks (attempt-payment.ts: reserve and commit, call, record), so the 50 payments end in about one latency,
// not fifty. On a link with max_payments, exactly that many are paid, however many buyers arrive together.
import { and, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { orders, paymentLinks } from "@/db/schema";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { newMerchantScope } from "@/test/payments";
import { openLink, pay, type Submitted } from "./checkout-buyer";
import { setUpDrill } from "./fixture";
import { freePort, rows, spawnApp, summarize } from "./harness";

const LATENCY_MS = 2_000;
const BUYERS = 50;
const SEATS = 20;

const drill = setUpDrill();

test("50 buyers pay one link on a processor that takes 2 s: about one latency in all, and max_payments stays exact", { timeout: 300_000 }, async () => {
  const { db } = drill.database;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await spawnApp("app", drill.url, port, { SIMULATOR_LATENCY_MS: String(LATENCY_MS) });
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, appUrl: base };
  const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
  const newLink = async (name: string, maxPayments?: number) =>
    tokenOf((await createPaymentLink(db, ctx, { item_name: name, amount: 1500, currency: "USD", default_country: "US", ...(maxPayments ? { max_payments: maxPayments } : {}) })).url);

  // Warm-up (not measured): the routes are loaded and one payment has gone through.
  const warm = await pay(await openLink(base, await newLink("Warm-up")), 0);
  expect(warm.location).toMatch(/^\/o\/[0-9A-Za-z]+\/complete$/);

  /** Every buyer has the page open; then all press Pay at once. */
  const rush = async (linkToken: string) => {
    const buyers = await Promise.all(Array.from({ length: BUYERS }, () => openLink(base, linkToken)));
    const started = Date.now();
    const answers: Submitted[] = await Promise.all(buyers.map((buyer, i) => pay(buyer, i + 1)));
    return { answers, wallMs: Date.now() - started };
  };
  const paidOn = async (linkToken: string) => {
    const [link] = await db.select().from(paymentLinks).where(eq(paymentLinks.token, linkToken));
    const counts = await rows<{ status: string; n: number }>(drill.database, sql`select status::text, count(*)::int as n from orders where payment_link_id = ${link!.id} group by status`);
    return { payCount: link!.payCount, byStatus: Object.fromEntries(counts.map((c) => [c.status, c.n])) };
  };

  // 1. An unlimited link: every buyer pays, all within about one processor latency.
  const open = await newLink("Popular");
  const unlimited = await rush(open);
  for (const answer of unlimited.answers) expect(answer, JSON.stringify(answer)).toMatchObject({ status: 303, location: expect.stringMatching(/^\/o\/[0-9A-Za-z]+\/complete$/) });
  expect(await paidOn(open)).toEqual({ payCount: BUYERS, byStatus: { paid: BUYERS } });
  expect(unlimited.wallMs).toBeGreaterThanOrEqual(LATENCY_MS);
  // Fifty in turn would take 100 s. What comes on top of the one latency is the app's own work for 50 posts on
  // this 2-core machine and the link's row lock, held for a few queries per reservation: under 3 latencies.
  expect(unlimited.wallMs).toBeLessThan(3 * LATENCY_MS);

  // 2. A link with SEATS seats: exactly SEATS buyers pay; the others are told the link is no longer available.
  const limited = await newLink("Limited", SEATS);
  const seats = await rush(limited);
  const paid = seats.answers.filter((a) => a.location?.endsWith("/complete"));
  const refused = seats.answers.filter((a) => a.location === `/l/${limited}`);
  expect([paid.length, refused.length]).toEqual([SEATS, BUYERS - SEATS]);
  expect(await paidOn(limited)).toEqual({ payCount: SEATS, byStatus: { paid: SEATS } });
  expect(seats.wallMs).toBeLessThan(3 * LATENCY_MS);
  const [inFlight] = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(and(eq(orders.merchantId, scope.merchantId), eq(orders.status, "processing")));
  expect(inFlight!.n).toBe(0);

  const answerMs = summarize(unlimited.answers.map((a) => a.ms));
  console.log(
    `drill slow-processor: ${JSON.stringify({
      processor_latency_ms: LATENCY_MS,
      buyers: BUYERS,
      all_paid_wall_ms: unlimited.wallMs,
      wall_over_latency: Number((unlimited.wallMs / LATENCY_MS).toFixed(2)),
      serial_would_take_ms: BUYERS * LATENCY_MS,
      answer_ms: answerMs,
      max_payments: { seats: SEATS, paid: paid.length, refused: refused.length, wall_ms: seats.wallMs, wall_over_latency: Number((seats.wallMs / LATENCY_MS).toFixed(2)) },
    })}`,
  );
});
