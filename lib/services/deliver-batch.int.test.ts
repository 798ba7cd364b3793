import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { events, webhookAttempts, webhookEndpoints, webhookMessages } from "@/db/schema";
import { rows } from "@/test/drills/harness";
import { openTestDatabase } from "@/test/db";
import { newMerchantScope } from "@/test/payments";
import { startReceiver } from "@/test/receiver";
import { closeConnections, ENDPOINT_CONCURRENCY } from "@/lib/webhooks/http";
import { createPaymentLink } from "./create-payment-link";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deliverMessage, deliverMessages, type DeliveryConfig } from "./deliver-webhook-message";
import { fanoutEvents } from "./fanout-event";

// The worker's batch path (deliverMessages, fanoutEvents) against a real database and real receivers, with no
// worker running: each test delivers its own messages, which have no job behind them.

const database = await openTestDatabase();
const { db } = database;
afterAll(() => closeConnections());

const config: DeliveryConfig = { retrySchedule: [3600], timeoutMs: 5_000, disableAfterMs: 1e12, allowPrivate: true };

async function eventOf(scope: { merchantId: string; livemode: boolean }, name: string) {
  const link = await createPaymentLink(db, { ...scope, appUrl: "http://localhost:3999" }, { item_name: name, amount: 100, currency: "USD", default_country: "US" });
  const [event] = await db.select().from(events).where(eq(events.objectId, link.id));
  return event!;
}

async function messageTo(scope: { merchantId: string; livemode: boolean }, endpointId: string, name: string) {
  const event = await eventOf(scope, name);
  const [message] = await db
    .insert(webhookMessages)
    .values({ id: `msg_batch${Date.now()}${Math.random().toString(36).slice(2, 8)}`, eventId: event.id, ...scope, endpointId, origin: "resend" })
    .returning();
  return message!;
}

describe("a batch of deliveries", () => {
  test("each message is sent once, signed; answers, statuses, retries and endpoint health are recorded per message", async () => {
    const scope = await newMerchantScope(db);
    const secrets = { ok: "", failing: "" };
    const ok = await startReceiver(() => secrets.ok);
    const failing = await startReceiver(() => secrets.failing, () => 503);
    try {
      const okEndpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url: ok.url, events: ["*"] });
      const failingEndpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url: failing.url, events: ["*"] });
      secrets.ok = okEndpoint.secret!;
      secrets.failing = failingEndpoint.secret!;
      // The succeeding endpoint was failing: its first success clears the clock.
      await db.update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 60_000) }).where(eq(webhookEndpoints.id, okEndpoint.id));
      const a = await messageTo(scope, okEndpoint.id, "A");
      const b = await messageTo(scope, okEndpoint.id, "B");
      const c = await messageTo(scope, failingEndpoint.id, "C");
      const d = await messageTo(scope, okEndpoint.id, "D");
      await db.update(webhookMessages).set({ attemptCount: 1 }).where(eq(webhookMessages.id, d.id));
      const outcomes = await deliverMessages(
        db,
        [
          { messageId: a.id, attempt: 1 },
          { messageId: c.id, attempt: 1 },
          { messageId: b.id, attempt: 1 },
          // The same message twice in one batch (a duplicated job): sent once.
          { messageId: a.id, attempt: 1 },
          // A job whose attempt was already recorded (its worker died after the commit): skipped.
          { messageId: d.id, attempt: 1 },
          { messageId: "msg_missing", attempt: 1 },
        ],
        config,
      );
      expect(outcomes).toEqual(["succeeded", "retrying", "succeeded", "skipped", "skipped", "skipped"]);
      expect(ok.received.map((r) => r.error)).toEqual([null, null]);
      expect(new Set(ok.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([a.eventId, b.eventId]));
      expect(failing.received).toHaveLength(1);
      expect(failing.received[0]!.error).toBeNull();

      const messages = await db.select().from(webhookMessages).where(inArray(webhookMessages.id, [a.id, b.id, c.id]));
      const byId = new Map(messages.map((m) => [m.id, m]));
      expect(byId.get(a.id)).toMatchObject({ status: "succeeded", attemptCount: 1, nextAttemptAt: null });
      expect(byId.get(b.id)).toMatchObject({ status: "succeeded", attemptCount: 1 });
      expect(byId.get(c.id)).toMatchObject({ status: "pending", attemptCount: 1 });
      expect(byId.get(c.id)!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
      const attempts = await db.select().from(webhookAttempts).where(inArray(webhookAttempts.messageId, [a.id, b.id, c.id]));
      expect(attempts.map((t) => [t.messageId, t.attemptNumber, t.statusCode, t.succeeded]).sort()).toEqual(
        [
          [a.id, 1, 200, true],
          [b.id, 1, 200, true],
          [c.id, 1, 503, false],
        ].sort(),
      );
      // The next attempt of the failed one is queued, for attempt 2, in the same transaction.
      const jobs = await rows<{ attempt: string }>(database, sql`select data->>'attempt' as attempt from pgboss.job where name = 'webhook-deliver' and data->>'messageId' = ${c.id}`);
      expect(jobs).toEqual([{ attempt: "2" }]);
      const endpoints = new Map((await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [okEndpoint.id, failingEndpoint.id]))).map((e) => [e.id, e]));
      expect(endpoints.get(okEndpoint.id)!.failingSince).toBeNull();
      expect(endpoints.get(failingEndpoint.id)!.failingSince).not.toBeNull();

      // The whole batch again (its jobs retried after a crash): every attempt is already recorded.
      expect(await deliverMessages(db, [{ messageId: a.id, attempt: 1 }, { messageId: c.id, attempt: 1 }], config)).toEqual(["skipped", "skipped"]);
      expect(ok.received).toHaveLength(2);
      expect(failing.received).toHaveLength(1);
    } finally {
      await ok.close();
      await failing.close();
    }
  });

  test("deliveries to one endpoint reuse a kept-alive connection to a host name; new approved addresses open a new one", async () => {
    const scope = await newMerchantScope(db);
    let secret = "";
    const connections: string[] = [];
    const server = createServer((request, response) => {
      request.resume();
      request.on("end", () => response.end("ok"));
    });
    server.on("connection", (socket) => connections.push(String(socket.remotePort)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://localhost:${(server.address() as AddressInfo).port}/hooks`;
      const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true, resolve: async () => ["127.0.0.1"] }, { url, events: ["*"] });
      secret = endpoint.secret!;
      expect(secret).toMatch(/^whsec_/);
      // Through the system resolver (Node asks the pinned lookup for every address at once, {all: true}).
      for (const name of ["one", "two", "three"]) expect(await deliverMessage(db, (await messageTo(scope, endpoint.id, name)).id, config)).toBe("succeeded");
      expect(connections).toHaveLength(1);
      // The name now answers with another set of addresses: a new pool, so a new connection.
      const other: DeliveryConfig = { ...config, resolve: async () => ["127.0.0.1", "::1"] };
      expect(await deliverMessage(db, (await messageTo(scope, endpoint.id, "four")).id, other)).toBe("succeeded");
      expect(connections).toHaveLength(2);
      // Ten at once in one batch: at most ENDPOINT_CONCURRENCY connections, all answered.
      const batch = await Promise.all(Array.from({ length: 10 }, (_, i) => messageTo(scope, endpoint.id, `batch ${i}`)));
      expect(await deliverMessages(db, batch.map((m) => ({ messageId: m.id, attempt: 1 })), other)).toEqual(Array(10).fill("succeeded"));
    } finally {
      closeConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test("a kept-alive connection the server drops as the next delivery arrives: sent again once, on a new connection", async () => {
    const scope = await newMerchantScope(db);
    let dropped = 0;
    let answered = 0;
    const served = new WeakSet<object>();
    const server = createServer((request, response) => {
      // A server closing an idle connection just as our request reaches it: nothing is answered.
      if (served.has(request.socket)) {
        dropped += 1;
        request.socket.destroy();
        return;
      }
      served.add(request.socket);
      request.resume();
      request.on("end", () => {
        answered += 1;
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://localhost:${(server.address() as AddressInfo).port}/hooks`;
      const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url, events: ["*"] });
      for (const name of ["one", "two", "three"]) expect(await deliverMessage(db, (await messageTo(scope, endpoint.id, name)).id, config)).toBe("succeeded");
      expect(answered).toBe(3);
      expect(dropped).toBe(2);
    } finally {
      closeConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test(`at most ENDPOINT_CONCURRENCY requests at once to one endpoint; one that never got a connection says it was not sent`, async () => {
    const scope = await newMerchantScope(db);
    let connections = 0;
    // Takes every request and never answers.
    const server = createServer((request) => request.resume());
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://localhost:${(server.address() as AddressInfo).port}/hooks`;
      const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url, events: ["*"] });
      const held = await Promise.all(Array.from({ length: ENDPOINT_CONCURRENCY }, (_, i) => messageTo(scope, endpoint.id, `slow ${i}`)));
      const waiting = await messageTo(scope, endpoint.id, "waiting");
      // One batch takes every connection for 2 s; a second, started meanwhile, waits for one and gives up after 1 s.
      const first = deliverMessages(db, held.map((m) => ({ messageId: m.id, attempt: 1 })), { ...config, timeoutMs: 2_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(connections).toBe(ENDPOINT_CONCURRENCY);
      expect(await deliverMessages(db, [{ messageId: waiting.id, attempt: 1 }], { ...config, timeoutMs: 1_000 })).toEqual(["retrying"]);
      expect(connections).toBe(ENDPOINT_CONCURRENCY);
      expect(await first).toEqual(Array(ENDPOINT_CONCURRENCY).fill("retrying"));
      const attempts = await db.select().from(webhookAttempts).where(inArray(webhookAttempts.messageId, [...held.map((m) => m.id), waiting.id]));
      const errorOf = new Map(attempts.map((a) => [a.messageId, a.error]));
      expect(held.every((m) => errorOf.get(m.id) === "no answer within 2 s")).toBe(true);
      expect(errorOf.get(waiting.id)).toBe(`not sent: the endpoint's ${ENDPOINT_CONCURRENCY} connections stayed busy for 1 s`);
    } finally {
      closeConnections();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

test("fan-out of a batch: one message and one first-attempt job per event and endpoint; run again, nothing more", async () => {
  const scope = await newMerchantScope(db);
  const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url: "http://127.0.0.1:9/none", events: ["payment_link.created"] });
  // Made before the endpoint would have fanned them out by a worker: none runs in this file.
  const made = [await eventOf(scope, "F1"), await eventOf(scope, "F2"), await eventOf(scope, "F3")];
  const ids = made.map((e) => e.id);
  await db.delete(webhookMessages).where(inArray(webhookMessages.eventId, ids));
  expect(await fanoutEvents(db, [...ids, ids[0]!, "evt_missing"])).toBe(3);
  expect(await fanoutEvents(db, ids)).toBe(0);
  const messages = await db.select().from(webhookMessages).where(eq(webhookMessages.endpointId, endpoint.id));
  expect(messages.map((m) => m.eventId).sort()).toEqual([...ids].sort());
  const jobs = await rows<{ message_id: string; attempt: string }>(
    database,
    sql`select data->>'messageId' as message_id, data->>'attempt' as attempt from pgboss.job where name = 'webhook-deliver' and data->>'messageId' in ${messages.map((m) => m.id)}`,
  );
  expect(jobs.map((j) => j.message_id).sort()).toEqual(messages.map((m) => m.id).sort());
  expect(jobs.every((j) => j.attempt === "1")).toBe(true);
});
