// Drill (issue #12): the app is SIGKILLed while buyers' authorizations are in flight at a processor that takes
// 1.5 s to answer. Some attempts were committed as `authorizing` and never reached the processor; some reached
// it, were charged, and their answer died with the app. A worker started afterwards runs the recovery sweep,
// which asks the processor about each one (`retrieve`): every attempt ends resolved, every charge at the
// processor belongs to exactly one paid order, and nothing is charged twice.
import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { events, paymentLinks } from "@/db/schema";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { NEVER_RECEIVED } from "@/lib/services/recover-authorizations";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { openLink, pay } from "./checkout-buyer";
import { setUpDrill } from "./fixture";
import { freePort, rows, sleep, spawnApp, spawnWorker } from "./harness";

const LATENCY_MS = 1_500;
const LANES = 12;
/** Kill only once at least this many payments are waiting for the processor. */
const MIN_IN_FLIGHT = 6;

const drill = setUpDrill();

interface Attempt {
  id: string;
  order_id: string;
  status: string;
  failure_code: string | null;
  order_status: string;
  booked: string | null;
  booked_answer: string | null;
}

test("app killed with authorizations in flight: every attempt is resolved by asking the processor, nothing is charged twice", { timeout: 300_000 }, async () => {
  const { db } = drill.database;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await spawnApp("app", drill.url, port, { SIMULATOR_LATENCY_MS: String(LATENCY_MS) });
  const scope = await newMerchantScope(db);
  const created = await createPaymentLink(db, { ...scope, appUrl: base }, { item_name: "Crash", amount: 2200, currency: "USD", default_country: "US" });
  const linkToken = created.url.slice(created.url.lastIndexOf("/") + 1);

  // Buyers in lanes, one payment after another, until the app dies under them.
  let inFlight = 0;
  let dead = false;
  const acknowledged: string[] = []; // order tokens whose buyer saw the receipt before the kill
  const lane = async (laneIndex: number) => {
    for (let i = 0; !dead; i++) {
      try {
        const buyer = await openLink(base, linkToken);
        inFlight += 1;
        const answer = await pay(buyer, laneIndex * 1000 + i).finally(() => (inFlight -= 1));
        const paid = /^\/o\/([0-9A-Za-z]+)\/complete$/.exec(answer.location ?? "");
        if (paid && !dead) acknowledged.push(paid[1]!);
      } catch {
        if (!dead) throw new Error("a request failed before the kill");
      }
    }
  };
  const lanes = Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
  // Past the first round of answers, at a moment when several calls are waiting for the processor.
  await sleep(LATENCY_MS + 500 + Math.floor(Math.random() * LATENCY_MS));
  await waitFor(() => inFlight >= MIN_IN_FLIGHT, 30_000, "payments in flight");
  const inFlightAtKill = inFlight;
  dead = true;
  await app.kill();
  await lanes;
  await waitFor(
    async () => {
      const [left] = await rows<{ n: number }>(drill.database, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()`);
      return Number(left?.n) === 0;
    },
    15_000,
    "the dead app's transactions to end",
  );

  const attempts = () =>
    rows<Attempt & Record<string, unknown>>(
      drill.database,
      sql`select p.id, p.order_id, p.status::text, p.failure_code, o.status::text as order_status, s.state as booked, s.answer->>'status' as booked_answer
          from payments p join orders o on o.id = p.order_id left join simulator_payments s on s.key = p.id
          where p.merchant_id = ${scope.merchantId}`,
    );
  const atKill = await attempts();
  const stranded = atKill.filter((a) => a.status === "authorizing");
  const strandedBooked = stranded.filter((a) => a.booked !== null).length;
  expect(stranded.length, "attempts left authorizing by the kill").toBeGreaterThan(0);

  // A worker, as an operator would run one; it recovers attempts older than twice the connector timeout.
  const worker = spawnWorker("worker", drill.url, { CONNECTOR_TIMEOUT_SECONDS: "1", SCHEDULER_TICK_SECONDS: "1" });
  const workerStartedAt = Date.now();
  await waitFor(async () => (await attempts()).every((a) => a.status !== "authorizing"), 60_000, "every attempt to be resolved");
  const recoveredMs = Date.now() - workerStartedAt;
  await worker.stop();

  const after = await attempts();
  // Resolved the way the processor says: charged ⇔ succeeded; never received ⇒ failed, the order open again.
  for (const a of after) {
    if (a.booked_answer === "succeeded") expect(a, "charged at the processor").toMatchObject({ status: "succeeded", order_status: "paid" });
    else if (a.booked === null) expect(a, "never reached the processor").toMatchObject({ status: "failed", failure_code: NEVER_RECEIVED.code, order_status: "open" });
  }
  // Nothing charged twice: one charge per paid order, one succeeded attempt per order, no charge without an attempt.
  const succeededPerOrder = new Map<string, number>();
  for (const a of after.filter((x) => x.status === "succeeded")) succeededPerOrder.set(a.order_id, (succeededPerOrder.get(a.order_id) ?? 0) + 1);
  expect([...succeededPerOrder.values()].every((n) => n === 1)).toBe(true);
  const [charges] = await rows<{ charged: number; orphans: number; orders_charged_twice: number }>(
    drill.database,
    sql`select count(*) filter (where s.state = 'charged')::int as charged,
               count(*) filter (where p.id is null)::int as orphans,
               (select count(*)::int from (select p2.order_id from simulator_payments s2 join payments p2 on p2.id = s2.key
                                            where s2.state = 'charged' group by p2.order_id having count(*) > 1) twice) as orders_charged_twice
        from simulator_payments s left join payments p on p.id = s.key`,
  );
  const paidOrders = new Set(after.filter((a) => a.order_status === "paid").map((a) => a.order_id));
  expect(charges).toEqual({ charged: paidOrders.size, orphans: 0, orders_charged_twice: 0 });
  expect(succeededPerOrder.size).toBe(paidOrders.size);
  // The link's count and the events agree with the orders.
  const [link] = await db.select().from(paymentLinks).where(eq(paymentLinks.token, linkToken));
  expect(link!.payCount).toBe(paidOrders.size);
  const paidEvents = await db.select({ objectId: events.objectId }).from(events).where(eq(events.type, "order.paid"));
  expect(paidEvents.map((e) => e.objectId).sort()).toEqual([...paidOrders].sort());
  // Every receipt a buyer saw before the kill is a paid order.
  const [ackPaid] = await rows<{ n: number }>(drill.database, sql`select count(*)::int as n from orders where token in ${acknowledged.length ? acknowledged : [""]} and status = 'paid'`);
  expect(ackPaid!.n).toBe(acknowledged.length);

  console.log(
    `drill payment-crash: ${JSON.stringify({
      processor_latency_ms: LATENCY_MS,
      lanes: LANES,
      requests_in_flight_at_kill: inFlightAtKill,
      acknowledged_before_kill: acknowledged.length,
      attempts: after.length,
      left_authorizing: stranded.length,
      of_which_charged_answer_lost: strandedBooked,
      of_which_never_reached_processor: stranded.length - strandedBooked,
      resolved_ms_after_worker_start: recoveredMs,
      paid_orders: paidOrders.size,
      processor_charges: charges!.charged,
      orders_charged_twice: charges!.orders_charged_twice,
    })}`,
  );
});
