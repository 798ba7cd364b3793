// Drill 2 (issue #5): the app is SIGKILLed at a random moment while it creates payment links. Every link whose
// commit happened (printed, or found in the database) has its `payment_link.created` delivered once a worker
// runs; nothing rolled back — by the kill or by a failing transaction — is ever sent.
import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { events, paymentLinks } from "@/db/schema";
import { waitFor } from "@/test/receiver";
import { pendingJobs, rows, sleep, spawnScript, spawnWorker } from "./harness";
import { setUpDrill } from "./fixture";
import { startDrillReceiver, type DrillReceiver } from "./receiver";

const drill = setUpDrill();
let receiver: DrillReceiver;

test("app killed right after commits: every committed link is delivered, nothing rolled back is sent", { timeout: 240_000 }, async () => {
  const { db } = drill.database;
  let secret = "";
  receiver = drill.track(await startDrillReceiver(() => secret));

  const app = spawnScript("app-writer", "test/drills/app-writer.mts", { DATABASE_URL: drill.url, RECEIVER_URL: receiver.url, LANES: "4", ROLLBACK_EVERY: "5" });
  const ready = await app.waitForJson((l) => l.kind === "ready", 60_000);
  secret = String(ready.secret);
  const merchantId = String(ready.merchantId);
  await app.waitForJson((l) => l.kind === "committed", 30_000);

  // A random moment, with four transactions going at once: some are in flight when the process dies.
  await sleep(300 + Math.floor(Math.random() * 1700));
  const [open] = await rows<{ n: number }>(
    drill.database,
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()`,
  );
  await app.kill();
  // The server notices the dead connections on its own time: wait until none of the app's transactions is
  // left open (rolled back) or mid-COMMIT, so what we read next is final.
  await waitFor(
    async () => {
      const [left] = await rows<{ n: number }>(
        drill.database,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()`,
      );
      return Number(left?.n) === 0;
    },
    15_000,
    "the dead app's transactions to end",
  );

  const printed = app.json();
  const committed = printed.filter((l) => l.kind === "committed").map((l) => String(l.linkId));
  const rolledBack = printed.filter((l) => l.kind === "rolled_back").map((l) => String(l.linkId));
  expect(committed.length).toBeGreaterThan(10);
  expect(rolledBack.length).toBeGreaterThan(0);

  // What the database holds after the kill (PostgreSQL rolled back whatever was open on the dead connections).
  const links = new Set((await db.select({ id: paymentLinks.id }).from(paymentLinks).where(eq(paymentLinks.merchantId, merchantId))).map((r) => r.id));
  const createdEvents = await db.select().from(events).where(eq(events.merchantId, merchantId));
  const eventLinks = new Set(createdEvents.map((e) => e.objectId));
  for (const id of committed) expect(links.has(id), `printed as committed but missing: ${id}`).toBe(true);
  for (const id of rolledBack) expect(links.has(id), `rolled back but present: ${id}`).toBe(false);
  expect(createdEvents.every((e) => e.type === "payment_link.created")).toBe(true);
  expect([...eventLinks].sort()).toEqual([...links].sort()); // a link and its event commit together
  const committedNotPrinted = [...links].filter((id) => !committed.includes(id));

  // The queue holds exactly one fan-out job per committed event, and none for anything rolled back.
  const [jobs] = await rows<{ total: number; orphans: number }>(
    drill.database,
    sql`select count(*)::int as total,
               count(*) filter (where not exists (select 1 from events e where e.id = j.data->>'eventId'))::int as orphans
        from pgboss.job j where j.name = 'event-fanout'`,
  );
  expect(jobs).toEqual({ total: createdEvents.length, orphans: 0 });

  // Only now does a worker run.
  const worker = spawnWorker("worker", drill.url);
  const workerStartedAt = Date.now();
  await waitFor(
    () => [...links].every((id) => receiver.deliveries.some((d) => d.objectId === id)),
    // One worker drains a backlog at ~20 events/s (pg-boss: a batch of 10 per 0.5 s poll): scale with the count.
    30_000 + links.size * 150,
    "every committed link's event to be delivered",
  ).catch(async (error: Error) => {
    const missing = [...links].filter((id) => !receiver.deliveries.some((d) => d.objectId === id));
    const state = await rows(
      drill.database,
      sql`select e.id as event, e.object_id as link, j.state as fanout_job, j.retry_count, j.output, m.status as message, m.attempt_count,
                 (select string_agg(d.state::text, ',') from pgboss.job d where d.name = 'webhook-deliver' and d.data->>'messageId' = m.id) as deliver_jobs
          from events e
          left join pgboss.job j on j.name = 'event-fanout' and j.data->>'eventId' = e.id
          left join webhook_messages m on m.event_id = e.id
          where e.object_id in ${missing}`,
    );
    throw new Error(`${error.message}: ${missing.length} of ${links.size} missing: ${JSON.stringify(state)}\nworker:\n${worker.output.slice(-20).join("\n")}`);
  });
  const allDeliveredMs = Date.now() - workerStartedAt;
  await waitFor(
    async () => (await pendingJobs(drill.database, "event-fanout")) + (await pendingJobs(drill.database, "webhook-deliver")) === 0,
    30_000,
    "the queues to drain",
  );
  await sleep(1_000); // anything still to be sent would have been sent by now
  await worker.stop();

  expect(receiver.deliveries.filter((d) => d.error !== null)).toEqual([]);
  expect(receiver.deliveries.every((d) => d.type === "payment_link.created")).toBe(true);
  const deliveredLinks = new Set(receiver.deliveries.map((d) => d.objectId));
  for (const id of deliveredLinks) expect(links.has(id!), `delivered an event for a link missing from the database: ${id}`).toBe(true);
  for (const id of rolledBack) expect(deliveredLinks.has(id)).toBe(false);
  expect(new Set(receiver.deliveries.map((d) => d.webhookId))).toEqual(new Set(createdEvents.map((e) => e.id)));
  // No worker died here: each event was sent exactly once.
  expect(receiver.duplicates().size).toBe(0);

  console.log(
    `drill app-kill: ${JSON.stringify({
      printed_committed: committed.length,
      committed_in_database: links.size,
      committed_not_printed: committedNotPrinted.length,
      rolled_back_by_the_app: rolledBack.length,
      transactions_open_just_before_kill: open?.n ?? null,
      events: createdEvents.length,
      delivered: receiver.uniqueIds().size,
      deliveries_total: receiver.deliveries.length,
      duplicates: receiver.deliveries.length - receiver.uniqueIds().size,
      all_delivered_ms_after_worker_start: allDeliveredMs,
    })}`,
  );
});
