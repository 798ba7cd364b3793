// Drill (issue #6, part 2): the real app (`next start`) is SIGKILLed under HTTP write load, twice, and a new
// process is started on the same port. Eight client lanes create payment links and orders, each request with
// its own Idempotency-Key and marker, and retry every request that got no answer with the same key and body
// until it is answered. Every acknowledged write must be in the database as the client saw it, no marker may
// exist twice, and every object's `*.created` event must exist once and reach the webhook receiver.
import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { createApiKey } from "@/lib/services/create-api-key";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { freePort, rows, sleep, spawnApp, spawnWorker, summarize, type DrillProcess } from "./harness";
import { api, errorCode, inBatches, postIdempotently, type IdempotentCall } from "./http-clients";
import { setUpDrill } from "./fixture";
import { startDrillReceiver, type DrillReceiver } from "./receiver";

const LANES = 8;
const KILL_ROUNDS = 2;
/** Kill only once at least this many requests are in flight. */
const MIN_IN_FLIGHT = 4;
/** Long enough to see a claim that waits out its lapse (a minute), should one do so. */
const RETRY = { backoffMs: 100, deadlineMs: 150_000 };

const drill = setUpDrill();
let receiver: DrillReceiver;

interface Call extends IdempotentCall {
  marker: string;
  kind: "payment_link" | "order";
}

interface KillRound {
  round: number;
  in_flight_at_kill: number;
  db_transactions_open_at_kill: number;
  restart_ms: number;
  /** From the kill until every request in flight at the kill had its answer. */
  recovered_ms: number;
  in_flight_answers: Record<string, number>;
  in_use_answers: number;
  longest_in_use_wait_ms: number;
}

function bodyFor(kind: Call["kind"], marker: string, n: number): string {
  const metadata = { marker };
  return kind === "payment_link"
    ? JSON.stringify({ name: `Drill ${marker}`, item_name: "Drill item", amount: 1_000 + n, currency: "USD", default_country: "US", metadata })
    : JSON.stringify({ amount: 2_000 + n, currency: "USD", item_name: "Drill order", metadata });
}

const isInUse = (c: Call["attempts"][number]) => c.kind === "answer" && c.answer.status === 409 && errorCode(c.answer) === "idempotency_key_in_use";

test("the app SIGKILLed under HTTP write load: every acknowledged write is kept, retries create no duplicates", { timeout: 420_000 }, async () => {
  const { db } = drill.database;
  const scope = await newMerchantScope(db);
  const { secret: apiKey } = await createApiKey(db, scope);
  let webhookSecret = "";
  receiver = drill.track(await startDrillReceiver(() => webhookSecret));
  webhookSecret = (await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url: receiver.url, events: ["*"] })).secret!;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app: DrillProcess = await spawnApp("app-1", drill.url, port);
  const worker = spawnWorker("worker", drill.url, { LOG_LEVEL: "info" });
  await worker.waitForJson((l) => l.msg === "worker started", 60_000);

  // The load: eight lanes, one request at a time each, every fourth an order.
  const calls: Call[] = [];
  const inFlight = new Set<Call>();
  let stopping = false;
  const lane = async (laneNo: number) => {
    for (let n = 0; !stopping; n++) {
      const kind = n % 4 === 3 ? "order" : "payment_link";
      const marker = `m${laneNo}-${n}`;
      const call: Call = {
        key: `drill-${laneNo}-${n}-${Math.random().toString(36).slice(2)}`,
        path: kind === "order" ? "/api/v1/orders" : "/api/v1/payment_links",
        body: bodyFor(kind, marker, laneNo * 1000 + n),
        marker,
        kind,
        startedAt: Date.now(),
        answeredAt: null,
        attempts: [],
        final: null,
      };
      calls.push(call);
      await postIdempotently(() => base, apiKey, call, RETRY, (phase) => (phase === "start" ? inFlight.add(call) : inFlight.delete(call)));
    }
  };
  const loadStartedAt = Date.now();
  const lanes = Array.from({ length: LANES }, (_, i) => lane(i));

  const rounds: KillRound[] = [];
  for (let round = 1; round <= KILL_ROUNDS; round++) {
    await sleep(1_500 + Math.random() * 2_500);
    const waitUntil = Date.now() + 5_000;
    while (inFlight.size < MIN_IN_FLIGHT && Date.now() < waitUntil) await sleep(1);
    const caught = [...inFlight];
    const [open] = await rows<{ n: number }>(
      drill.database,
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()`,
    );
    const killedAt = Date.now();
    await app.kill();
    app = await spawnApp(`app-${round + 1}`, drill.url, port);
    const restartMs = Date.now() - killedAt;
    await waitFor(() => caught.every((c) => c.final !== null || Date.now() - c.startedAt > RETRY.deadlineMs), RETRY.deadlineMs + 10_000, `round ${round}: the requests in flight at the kill to be answered`);
    const inUseWaits = caught.map((c) => {
      const inUse = c.attempts.filter(isInUse);
      return inUse.length ? inUse.at(-1)!.at - inUse[0]!.at : 0;
    });
    rounds.push({
      round,
      in_flight_at_kill: caught.length,
      db_transactions_open_at_kill: Number(open?.n ?? 0),
      restart_ms: restartMs,
      recovered_ms: Math.max(...caught.map((c) => (c.answeredAt ?? Infinity) - killedAt)),
      in_flight_answers: Object.fromEntries(
        ["created", "replayed"].map((k) => [k, caught.filter((c) => c.final?.status === 201 && (c.final.headers.get("idempotent-replayed") === "true") === (k === "replayed")).length]),
      ),
      in_use_answers: caught.reduce((a, c) => a + c.attempts.filter(isInUse).length, 0),
      longest_in_use_wait_ms: Math.max(0, ...inUseWaits),
    });
    console.log(`kill round ${round}: ${JSON.stringify(rounds.at(-1))}`);
  }
  await sleep(1_500);
  stopping = true;
  await Promise.all(lanes);
  const loadEndedAt = Date.now();

  // Every request was answered, and answered 201 (first time or as a replay).
  const unanswered = calls.filter((c) => c.final === null);
  expect(unanswered.map((c) => c.key)).toEqual([]);
  const notCreated = calls.filter((c) => c.final!.status !== 201);
  expect(notCreated.map((c) => `${c.key}: ${c.final!.status} ${c.final!.body}`)).toEqual([]);

  // The database: one object per marker, exactly the acknowledged one, with the body the client got.
  const links = await rows<{ id: string; marker: string }>(drill.database, sql`select id, metadata->>'marker' as marker from payment_links where merchant_id = ${scope.merchantId}`);
  const orderRows = await rows<{ id: string; marker: string }>(drill.database, sql`select id, metadata->>'marker' as marker from orders where merchant_id = ${scope.merchantId}`);
  const objects = [...links, ...orderRows];
  const byMarker = new Map<string, string[]>();
  for (const o of objects) byMarker.set(o.marker, [...(byMarker.get(o.marker) ?? []), o.id]);
  const duplicated = [...byMarker].filter(([, ids]) => ids.length > 1);
  expect(duplicated).toEqual([]);
  expect(objects).toHaveLength(calls.length);
  const storedResponses = new Map(
    (await rows<{ key: string; body: string }>(drill.database, sql`select key, response_body as body from idempotency_keys where merchant_id = ${scope.merchantId}`)).map((r) => [r.key, r.body]),
  );
  for (const call of calls) {
    const acknowledged = JSON.parse(call.final!.body) as { id: string; metadata: { marker: string } };
    expect(byMarker.get(call.marker), call.marker).toEqual([acknowledged.id]);
    expect(acknowledged.metadata.marker).toBe(call.marker);
    expect(storedResponses.get(call.key), call.key).toBe(call.final!.body);
  }
  // Read back through the API, each object is what its creator was told; and every key once more: the replay
  // is the first answer, byte for byte.
  let replaysChecked = 0;
  await inBatches(calls, 8, async (call) => {
    const acknowledged = JSON.parse(call.final!.body) as { id: string };
    const read = await api(base, apiKey, "GET", `${call.path}/${acknowledged.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(acknowledged);
    const again: IdempotentCall = { key: call.key, path: call.path, body: call.body, startedAt: Date.now(), answeredAt: null, attempts: [], final: null };
    await postIdempotently(() => base, apiKey, again, { backoffMs: 100, deadlineMs: 10_000 });
    expect(again.final?.status, call.key).toBe(201);
    expect(again.final!.headers.get("idempotent-replayed")).toBe("true");
    expect(again.final!.body).toBe(call.final!.body);
    replaysChecked += 1;
  });

  // Events: one `*.created` per object, none for anything else; each delivered at least once.
  const createdEvents = await rows<{ id: string; type: string; object_id: string; created_at: Date }>(
    drill.database,
    sql`select id, type, object_id, created_at from events where merchant_id = ${scope.merchantId}`,
  );
  const eventsByObject = new Map<string, string[]>();
  for (const e of createdEvents) eventsByObject.set(e.object_id, [...(eventsByObject.get(e.object_id) ?? []), e.type]);
  for (const o of links) expect(eventsByObject.get(o.id), o.id).toEqual(["payment_link.created"]);
  for (const o of orderRows) expect(eventsByObject.get(o.id), o.id).toEqual(["order.created"]);
  expect(createdEvents).toHaveLength(objects.length);
  await waitFor(() => receiver.uniqueIds().size >= createdEvents.length, 60_000, "every event to be delivered").catch((error: Error) => {
    throw new Error(`${error.message}: ${receiver.uniqueIds().size} of ${createdEvents.length}\nworker:\n${worker.output.slice(-20).join("\n")}`);
  });
  const allDeliveredMs = Date.now() - loadEndedAt;
  expect(receiver.uniqueIds()).toEqual(new Set(createdEvents.map((e) => e.id)));
  expect(receiver.deliveries.filter((d) => d.error !== null)).toEqual([]);
  const firstDelivery = new Map<string, number>();
  for (const d of receiver.deliveries) if (!firstDelivery.has(d.webhookId)) firstDelivery.set(d.webhookId, d.at);
  const deliveryAfterCommit = createdEvents.map((e) => firstDelivery.get(e.id)! - new Date(e.created_at).getTime());

  const tries = calls.reduce((a, c) => a + c.attempts.length, 0);
  const noAnswer = calls.reduce((a, c) => a + c.attempts.filter((t) => t.kind === "no_answer").length, 0);
  const summary = {
    requests: calls.length,
    payment_links: links.length,
    orders: orderRows.length,
    tries,
    tries_without_answer: noAnswer,
    in_use_answers: calls.reduce((a, c) => a + c.attempts.filter(isInUse).length, 0),
    retried_requests: calls.filter((c) => c.attempts.length > 1).length,
    acknowledged: calls.filter((c) => c.final?.status === 201).length,
    acknowledged_as_replay: calls.filter((c) => c.final?.headers.get("idempotent-replayed") === "true").length,
    duplicates: duplicated.length,
    replays_checked: replaysChecked,
    load_seconds: Math.round((loadEndedAt - loadStartedAt) / 100) / 10,
    rounds,
    events: createdEvents.length,
    deliveries: receiver.deliveries.length,
    duplicate_deliveries: receiver.deliveries.length - receiver.uniqueIds().size,
    delivery_ms_after_event: summarize(deliveryAfterCommit),
    all_delivered_ms_after_load: allDeliveredMs,
  };
  console.log(`drill app-sigkill-http: ${JSON.stringify(summary)}`);
  await worker.stop();
  // The kills really caught requests mid-flight, and each was retried to an answer soon after the new process
  // was up: a key held by the dead process is free as soon as PostgreSQL has rolled its transaction back (it
  // used to answer 409 idempotency_key_in_use until its claim's minute ran out).
  for (const r of rounds) {
    expect(r.in_flight_at_kill).toBeGreaterThanOrEqual(1);
    expect(r.recovered_ms, `round ${r.round}`).toBeLessThan(r.restart_ms + 10_000);
  }
});
