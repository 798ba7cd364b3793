// Drill (issue #6, part 2): PostgreSQL restarted under load. The app and the worker run as real processes on
// a PostgreSQL server of the drill's own (test/drills/private-postgres.ts), which is restarted, stopped for a
// few seconds, and crashed, while API clients create payment links without pause. While the database is down,
// requests fail fast with 503; the service returns within 10 s of the database; afterwards every link the
// clients were told about is there, a retry of every other request with its Idempotency-Key leaves exactly
// one link per request, and the worker delivers every link's event. DRILL_LOG_DIR=<dir> keeps the processes' logs.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openPostgres, type Database } from "@/db/client";
import { paymentLinks } from "@/db/schema";
import { createApiKey } from "@/lib/services/create-api-key";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { freePort, killAll, rows, sleep, spawnApp, spawnWorker, summarize, type DrillProcess } from "./harness";
import { attempt, inBatches } from "./http-clients";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres";
import { startDrillReceiver, type DrillReceiver } from "./receiver";

const LANES = 8;
/** How long the database stays down in the stop-then-start outages. */
const DOWN_MS = 5_000;
/** The bounds: what a client sees while the database is down, and how soon the service is back. */
const FAIL_FAST_P99_MS = 1_000;
const RETURN_LIMIT_MS = 10_000;
const DELIVERY_LIMIT_MS = 120_000;
/** A client that was refused waits a little before its next request (a real one would honour Retry-After). */
const PAUSE_AFTER_REFUSAL_MS = 100;

interface LinkRequest {
  marker: string;
  key: string;
  body: string;
}

interface Attempt {
  request: LinkRequest;
  sentAt: number;
  answeredAt: number;
  /** 0 when no HTTP answer came at all (connection refused or reset, or the client's timeout). */
  status: number;
  text: string;
  retryAfter: string | null;
  replayed: boolean;
  retry: boolean;
}

interface Probe {
  sentAt: number;
  answeredAt: number;
  status: number;
  retryAfter: string | null;
  text: string;
}

interface Outage {
  label: string;
  /** When the stop (or restart) was asked for. */
  stopAt: number;
  /** pg_ctl stop returned: from here until `startAt` the server certainly takes no connection. */
  downFrom: number | null;
  startAt: number | null;
  /** pg_ctl start (or restart) returned: the server accepts connections again. */
  backAt: number;
  checkoutWhileDown: Probe | null;
}

let pg: PrivatePostgres | undefined;
let setup: Database | undefined;
let verify: Database | undefined;
let receiver: DrillReceiver | undefined;
beforeAll(async () => {
  pg = await startPrivatePostgres();
});
afterAll(async () => {
  await killAll();
  await receiver?.close();
  await setup?.close().catch(() => {});
  await verify?.close().catch(() => {});
  await pg?.cleanup();
});

const STACK_OR_SQL = /\n\s+at |Failed query|\b(select|insert|update|delete)\b.+\b(from|into|set)\b|ECONNREFUSED|CONNECTION_|PostgresError|postgres:\/\//i;

/** A digit run shaped like a card number that also passes the Luhn check. */
function looksLikeCardNumber(text: string): boolean {
  for (const match of text.matchAll(/\b(?:\d[ -]?){12,18}\d\b/g)) {
    const digits = match[0].replace(/\D/g, "");
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return true;
  }
  return false;
}

function isServiceUnavailable(a: { status: number; text: string; retryAfter: string | null }): boolean {
  if (a.status !== 503 || a.retryAfter === null || !(Number(a.retryAfter) > 0)) return false;
  try {
    const body = JSON.parse(a.text) as { error?: { type?: unknown; code?: unknown; message?: unknown; param?: unknown } };
    return body.error?.type === "api_error" && body.error.code === "service_unavailable" && typeof body.error.message === "string" && body.error.param === null;
  } catch {
    return false;
  }
}

test("PostgreSQL restarted, stopped and crashed under load: 503 fast, back within 10 s, nothing lost or doubled", { timeout: 300_000 }, async () => {
  const server = pg!;
  const url = await server.createDatabase("paylink_drill");
  setup = await openPostgres(url, 4);
  await setup.migrate();
  const scope = await newMerchantScope(setup.db);
  const apiKey = await createApiKey(setup.db, scope, { name: "drill" });
  let secret = "";
  receiver = await startDrillReceiver(() => secret);
  const endpoint = await createWebhookEndpoint(setup.db, { ...scope, allowPrivate: true }, { url: receiver.url, events: ["payment_link.created"] });
  secret = endpoint.secret!;
  await setup.close();
  setup = undefined;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await spawnApp("app", url, port, { LOG_LEVEL: "info" });
  const worker: DrillProcess = spawnWorker("worker", url, { LOG_LEVEL: "info" });
  await worker.waitForJson((line) => line.msg === "worker started", 60_000);

  const runId = Date.now().toString(36);
  const requests: LinkRequest[] = [];
  const attempts: Attempt[] = [];
  const send = async (request: LinkRequest, retry = false): Promise<Attempt> => {
    const sentAt = Date.now();
    const result = await attempt(`${base}/api/v1/payment_links`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey.secret}`, "content-type": "application/json", "idempotency-key": request.key },
      body: request.body,
    });
    if (result.kind === "no_answer") return { request, sentAt, answeredAt: result.at, status: 0, text: result.error, retryAfter: null, replayed: false, retry };
    const { status, headers, body } = result.answer;
    return { request, sentAt, answeredAt: result.at, status, text: body, retryAfter: headers.get("retry-after"), replayed: headers.get("idempotent-replayed") === "true", retry };
  };

  let loading = true;
  const lane = async (n: number) => {
    for (let i = 0; loading; i++) {
      const marker = `${runId}-l${n}-${i}`;
      const body = JSON.stringify({ name: marker, item_name: "Restart drill", amount: 100 + i, currency: "USD", default_country: "US", metadata: { marker } });
      const request = { marker, key: `pgr-${marker}`, body };
      requests.push(request);
      const answer = await send(request);
      attempts.push(answer);
      if (answer.status !== 201) await sleep(PAUSE_AFTER_REFUSAL_MS);
    }
  };
  const health: Probe[] = [];
  const probe = async (path: string): Promise<Probe> => {
    const sentAt = Date.now();
    const result = await attempt(`${base}${path}`, {});
    if (result.kind === "no_answer") return { sentAt, answeredAt: result.at, status: 0, retryAfter: null, text: result.error };
    return { sentAt, answeredAt: result.at, status: result.answer.status, retryAfter: result.answer.headers.get("retry-after"), text: result.answer.body };
  };
  const healthPoller = (async () => {
    while (loading) {
      health.push(await probe("/api/health"));
      await sleep(200);
    }
  })();
  const lanes = Array.from({ length: LANES }, (_, n) => lane(n));

  const firstCreated = async (after: number, timeoutMs = 30_000): Promise<Attempt | undefined> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = attempts.filter((a) => a.status === 201 && a.answeredAt > after).sort((a, b) => a.answeredAt - b.answeredAt)[0];
      if (found || Date.now() > deadline) return found;
      await sleep(50);
    }
  };

  // Warm-up: links are being created, and one of them gives the checkout page to look at while down.
  const warm = await firstCreated(0);
  expect(warm, "no link was created before the outages").toBeDefined();
  const checkoutPath = new URL((JSON.parse(warm!.text) as { url: string }).url).pathname;
  await sleep(2_000);
  const checkoutBefore = await probe(checkoutPath);

  const outages: Outage[] = [];
  const settle = async (outage: Outage) => {
    outages.push(outage);
    await firstCreated(outage.backAt);
    await sleep(2_000);
  };
  // 1. A clean restart: the server is gone only for a few hundred milliseconds.
  {
    const stopAt = Date.now();
    await server.restart({ mode: "fast" });
    await settle({ label: "restart -m fast", stopAt, downFrom: null, startAt: null, backAt: Date.now(), checkoutWhileDown: null });
  }
  // 2. Stopped for DOWN_MS (fast shutdown: sessions are terminated, open transactions roll back), then started.
  // 3. Crashed (immediate: no shutdown checkpoint; the start replays the WAL), down DOWN_MS, then started.
  for (const mode of ["fast", "immediate"] as const) {
    const stopAt = Date.now();
    await server.stop({ mode });
    const downFrom = Date.now();
    await sleep(500);
    const checkoutWhileDown = await probe(checkoutPath);
    await sleep(Math.max(0, DOWN_MS - (Date.now() - downFrom)));
    const startAt = Date.now();
    await server.start();
    await settle({ label: `stop -m ${mode}, down ${DOWN_MS / 1000} s, start`, stopAt, downFrom, startAt, backAt: Date.now(), checkoutWhileDown });
  }
  loading = false;
  await Promise.all([...lanes, healthPoller]);
  const loadEndedAt = Date.now();
  const lastBackAt = outages.at(-1)!.backAt;

  // The worker came through on its own.
  expect(worker.isRunning(), `the worker died:\n${worker.output.slice(-30).join("\n")}`).toBe(true);
  expect(app.isRunning(), `the app died:\n${app.output.slice(-30).join("\n")}`).toBe(true);

  // What clients saw under load: 201, or a well-formed, fast 503. Nothing else — no 500, no dropped connection.
  const refusals = attempts.filter((a) => a.status !== 201);
  const unexpected = refusals.filter((a) => !isServiceUnavailable(a));
  const outageReports = outages.map((o) => {
    // Sent while the server was certainly down, early enough that an answer within the bound came before the start.
    const whileDown = (sentAt: number) => o.downFrom !== null && sentAt >= o.downFrom && sentAt < o.startAt! - FAIL_FAST_P99_MS;
    const down = attempts.filter((a) => whileDown(a.sentAt));
    const healthDown = health.filter((h) => whileDown(h.sentAt));
    const inFlightAtStop = attempts.filter((a) => a.sentAt < o.stopAt && a.answeredAt > o.stopAt);
    const firstOk = attempts.filter((a) => a.status === 201 && a.answeredAt > o.backAt).sort((a, b) => a.answeredAt - b.answeredAt)[0];
    const firstHealthy = health.filter((h) => h.status === 200 && h.answeredAt > o.backAt).sort((a, b) => a.answeredAt - b.answeredAt)[0];
    const statuses = (list: { status: number }[]) => list.reduce<Record<string, number>>((acc, a) => ((acc[a.status] = (acc[a.status] ?? 0) + 1), acc), {});
    return {
      label: o.label,
      stopped_for_a_while: o.downFrom !== null,
      stop_to_back_ms: o.backAt - o.stopAt,
      in_flight_at_stop: statuses(inFlightAtStop),
      while_down: { requests: down.length, statuses: statuses(down), latency_ms: summarize(down.map((a) => a.answeredAt - a.sentAt)) },
      health_while_down: { probes: healthDown.length, statuses: statuses(healthDown), latency_ms: summarize(healthDown.map((h) => h.answeredAt - h.sentAt)) },
      checkout_while_down: o.checkoutWhileDown && {
        status: o.checkoutWhileDown.status,
        ms: o.checkoutWhileDown.answeredAt - o.checkoutWhileDown.sentAt,
      },
      first_201_ms_after_back: firstOk ? firstOk.answeredAt - o.backAt : null,
      first_healthy_ms_after_back: firstHealthy ? firstHealthy.answeredAt - o.backAt : null,
      down,
      healthDown,
    };
  });

  // Every link the clients were told about (201) is in the database, as they were told.
  verify = await openPostgres(url, 4);
  const acknowledged = attempts.filter((a) => a.status === 201);
  const acknowledgedIds = acknowledged.map((a) => (JSON.parse(a.text) as { id: string }).id);
  const stored = await verify.db
    .select({ id: paymentLinks.id, name: paymentLinks.name })
    .from(paymentLinks)
    .where(and(eq(paymentLinks.merchantId, scope.merchantId), inArray(paymentLinks.id, acknowledgedIds)));
  const storedName = new Map(stored.map((r) => [r.id, r.name]));
  const lostAcknowledged = acknowledged.filter((a, i) => storedName.get(acknowledgedIds[i]!) !== a.request.marker);

  // Clients retry every request they got no 201 for, with its own key and body, until it is answered.
  const retryStartedAt = Date.now();
  const unanswered = requests.filter((r) => !acknowledged.some((a) => a.request === r));
  const retryOutcome = { replayed: 0, created: 0, in_use_answers: 0, unavailable_answers: 0, other: [] as Attempt[] };
  await inBatches(unanswered, LANES, async (request) => {
    for (let tries = 0; tries <= 120; tries++) {
      const answer = await send(request, true);
      attempts.push(answer);
      if (answer.status === 201) {
        if (answer.replayed) retryOutcome.replayed++;
        else retryOutcome.created++;
        return;
      }
      // The contract: 409 idempotency_key_in_use means "retry shortly with the same key".
      if (answer.status === 409 && answer.text.includes("idempotency_key_in_use")) retryOutcome.in_use_answers++;
      else if (answer.status === 503) retryOutcome.unavailable_answers++;
      else retryOutcome.other.push(answer);
      await sleep(1_000);
    }
  });
  const retriedAt = Date.now();

  // Exactly one link per request made, and none that nobody asked for.
  const perMarker = await rows<{ name: string; n: number }>(
    verify,
    sql`select name, count(*)::int as n from payment_links where merchant_id = ${scope.merchantId} group by name`,
  );
  const countOf = new Map(perMarker.map((r) => [r.name, Number(r.n)]));
  const duplicated = perMarker.filter((r) => Number(r.n) > 1);
  const missing = requests.filter((r) => !countOf.has(r.marker));
  const strangers = perMarker.filter((r) => !requests.some((q) => q.marker === r.name));

  // One payment_link.created event per link (same transaction), each delivered at least once.
  const eventRows = await rows<{ id: string; link: string }>(
    verify,
    sql`select e.id, e.data->'object'->>'id' as link from events e where e.merchant_id = ${scope.merchantId} and e.type = 'payment_link.created'`,
  );
  const [linkCount] = await rows<{ n: number }>(verify, sql`select count(*)::int as n from payment_links where merchant_id = ${scope.merchantId}`);
  let deliveredAt = 0;
  await waitFor(
    () => {
      const seen = receiver!.uniqueIds();
      if (!eventRows.every((e) => seen.has(e.id))) return false;
      deliveredAt = Date.now();
      return true;
    },
    Math.max(5_000, DELIVERY_LIMIT_MS - (Date.now() - lastBackAt)),
    "every payment_link.created event to be delivered",
  ).catch((error: Error) => {
    const seen = receiver!.uniqueIds();
    throw new Error(`${error.message}: ${eventRows.filter((e) => !seen.has(e.id)).length} of ${eventRows.length} missing; worker said:\n${worker.output.slice(-30).join("\n")}`);
  });

  // Nothing a client saw leaks a stack trace or SQL; the logs hold no card number.
  const leaking = [...attempts, ...health, checkoutBefore, ...outages.flatMap((o) => (o.checkoutWhileDown ? [o.checkoutWhileDown] : []))].filter((a) =>
    STACK_OR_SQL.test(a.text),
  );
  const appLines = app.json();
  const unhandled = appLines.filter((l) => l.msg === "unhandled error");
  const logsWithCardNumbers = [...app.output, ...worker.output].filter(looksLikeCardNumber);
  const workerErrors = worker.json().filter((l) => l.level === "error" || l.level === "fatal");
  // What the processes printed outside their JSON log: Next.js prints uncaught exceptions, unhandled rejections
  // and failed renders there, with their stacks. postgres.js's null-socket crash must not be among them.
  const printed = (p: DrillProcess) => p.output.filter((line) => !line.startsWith("{"));
  const crashes = [...printed(app), ...printed(worker)].filter((line) => /Cannot read properties of null|unhandledRejection|uncaughtException/.test(line));

  const refusalLatency = summarize(refusals.filter((a) => !a.retry && a.status === 503).map((a) => a.answeredAt - a.sentAt));
  const report = {
    lanes: LANES,
    requests: requests.length,
    load_seconds: Math.round((loadEndedAt - outages[0]!.stopAt) / 100) / 10,
    acknowledged: acknowledged.length,
    acknowledged_lost: lostAcknowledged.length,
    not_acknowledged: unanswered.length,
    retry: { ...retryOutcome, other: retryOutcome.other.length, seconds: Math.round((retriedAt - retryStartedAt) / 100) / 10 },
    links: Number(linkCount?.n),
    duplicates: duplicated.length,
    missing: missing.length,
    refusals_under_load: refusals.filter((a) => !a.retry).length,
    refusal_latency_ms: refusalLatency,
    // Refusals slower than the fail-fast bound, placed on the outage timeline (ms after the stop was asked for).
    slow_refusals: refusals
      .filter((a) => !a.retry && a.answeredAt - a.sentAt > FAIL_FAST_P99_MS)
      .map((a) => {
        const o = [...outages].reverse().find((x) => x.stopAt <= a.answeredAt) ?? outages[0]!;
        return { outage: o.label.split(",")[0], sent_ms: a.sentAt - o.stopAt, answered_ms: a.answeredAt - o.stopAt, back_ms: o.backAt - o.stopAt, status: a.status };
      }),
    unexpected_answers: unexpected.filter((a) => !a.retry).map((a) => `${a.status} ${a.text.slice(0, 120)}`).slice(0, 10),
    outages: outageReports.map((o) => ({ ...o, down: undefined, healthDown: undefined })),
    checkout_before: checkoutBefore.status,
    events: eventRows.length,
    deliveries: receiver.deliveries.length,
    delivered_ms_after_db_back: deliveredAt - lastBackAt,
    app_unhandled_errors: unhandled.length,
    // Next.js prints a failed page render ("⨯ Error: Failed query: … params: …") with its stack to stderr.
    app_render_errors_printed: printed(app).filter((line) => line.startsWith("⨯")).length,
    crashes: crashes.length,
    worker_error_lines: workerErrors.length,
  };
  console.log(`drill postgres-restart: ${JSON.stringify(report, null, 1)}`);
  if (process.env.DRILL_LOG_DIR) {
    for (const p of [app, worker]) writeFileSync(path.join(process.env.DRILL_LOG_DIR, `postgres-restart-${p.name}.log`), p.output.join("\n"));
    writeFileSync(path.join(process.env.DRILL_LOG_DIR, "postgres-restart-postgres.log"), server.log());
  }
  if (unhandled.length) console.log(`first unhandled error: ${JSON.stringify(unhandled[0]).slice(0, 1500)}`);
  if (workerErrors.length) console.log(`worker errors: ${workerErrors.slice(0, 3).map((l) => JSON.stringify(l).slice(0, 600)).join("\n")}`);

  // 1. Fail fast while down (the stop-then-start outages), API and health check alike.
  for (const o of outageReports.filter((r) => r.stopped_for_a_while)) {
    expect(o.down.length, `${o.label}: no request was made while the database was down`).toBeGreaterThan(0);
    expect(o.down.filter((a) => !isServiceUnavailable(a)).map((a) => `${a.status} ${a.text.slice(0, 200)}`), `${o.label}: answers while down`).toEqual([]);
    expect(o.while_down.latency_ms.p99, `${o.label}: p99 of the 503s while down`).toBeLessThanOrEqual(FAIL_FAST_P99_MS);
    expect(o.healthDown.length).toBeGreaterThan(0);
    expect(o.healthDown.filter((h) => h.status !== 503 || h.retryAfter === null).map((h) => h.status), `${o.label}: health while down`).toEqual([]);
  }
  expect(report.unexpected_answers, "answers under load other than 201 and 503 service_unavailable").toEqual([]);
  // 2. Back within 10 s of the database.
  for (const o of outageReports) {
    expect(o.first_201_ms_after_back, `${o.label}: first 201 after the database was back`).not.toBeNull();
    expect(o.first_201_ms_after_back!, `${o.label}: ms from database back to the first 201`).toBeLessThanOrEqual(RETURN_LIMIT_MS);
  }
  // 3. Nothing committed is lost; a retry with the same key never makes a second link.
  expect(lostAcknowledged.map((a) => a.request.marker)).toEqual([]);
  expect(retryOutcome.other.map((a) => `${a.status} ${a.text.slice(0, 200)}`)).toEqual([]);
  expect(duplicated).toEqual([]);
  expect(missing.map((r) => r.marker)).toEqual([]);
  expect(strangers).toEqual([]);
  expect(eventRows.length).toBe(Number(linkCount?.n));
  expect(new Set(eventRows.map((e) => e.link)).size).toBe(eventRows.length);
  // 4. Every link's event delivered within 2 minutes of the database's return.
  expect(deliveredAt - lastBackAt).toBeLessThanOrEqual(DELIVERY_LIMIT_MS);
  // 5. No stack trace or SQL reaches a client; no card number reaches a log; no database outage is an
  // "unhandled error" in the app's log.
  expect(leaking.map((a) => `${a.status} ${a.text.slice(0, 300)}`)).toEqual([]);
  expect(logsWithCardNumbers).toEqual([]);
  expect(unhandled.map((l) => JSON.stringify(l).slice(0, 300))).toEqual([]);
  expect(crashes).toEqual([]);
  for (const o of outages) {
    if (!o.checkoutWhileDown) continue;
    // Next.js answers a page whose render failed with 500 (an error page cannot choose its status) and an empty
    // document that its script fills with app/error.tsx; the leak check above covers what it sends.
    expect(o.checkoutWhileDown.status, `${o.label}: checkout page while down`).toBe(500);
  }
  expect(checkoutBefore.status).toBe(200);
});
