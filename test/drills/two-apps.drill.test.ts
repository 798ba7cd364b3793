// Drill (issue #6, part 2): two app instances and two workers on one database. Buyers pay through the hosted
// checkout over HTTP like a browser without JavaScript, each request of a buyer going to the next instance (as
// a load balancer would send it): cards, 3-D Secure, a decline and its retry, bank transfers (some confirmed by
// the buyer's test control while the workers' sweep confirms them too), and the same form posted twice at
// once to both instances. Then voids and refunds through both instances' API, some sent to both at once.
// No state change may be applied twice, and every event reaches the webhook receiver exactly once.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { expect, test } from "vitest";
import { events, merchants, orders, paymentLinks, payments, processorNotifications, refunds, webhookAttempts, webhookMessages } from "@/db/schema";
import { createApiKey } from "@/lib/services/create-api-key";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { countBy, nothingInFlight, freePort, sleep, spawnApp, spawnWorker, type DrillProcess } from "./harness";
import { api, Browser, formOn, inBatches, postIdempotently, type IdempotentCall, type Page } from "./http-clients";
import { setUpDrill } from "./fixture";
import { startDrillReceiver, type DrillReceiver } from "./receiver";

const PRICE = 2_500;
const TIMING = { SIMULATOR_BANK_TRANSFER_SECONDS: "2", SIMULATOR_REFUND_SECONDS: "1", SCHEDULER_TICK_SECONDS: "1" };
const CARDS = { success: "4242 4242 4242 4242", declined: "4000 0000 0000 0002", threeDSecure: "4000 0000 0000 3220" };

/** What each buyer does; `double` posts the same form (one submission token) to both apps at once. */
const SCENARIOS = [
  ...Array<"card">(12).fill("card"),
  ...Array<"double_card">(4).fill("double_card"),
  ...Array<"three_d_secure">(3).fill("three_d_secure"),
  "double_three_d_secure" as const,
  "three_d_secure_failed_then_card" as const,
  ...Array<"declined_then_card">(2).fill("declined_then_card"),
  ...Array<"bank_wait">(3).fill("bank_wait"),
  ...Array<"bank_confirm">(3).fill("bank_confirm"),
];
type Scenario = (typeof SCENARIOS)[number];
const BUYERS_AT_ONCE = 6;

const drill = setUpDrill();
let receiver: DrillReceiver;
let callbacks: DrillReceiver;

const orderTokenOf = (path: string) => /^\/o\/([0-9A-Za-z]+)/.exec(path)?.[1] ?? null;

function expectPage(page: Page, ending: RegExp, what: string) {
  if (!ending.test(page.path) || page.status !== 200) {
    throw new Error(`${what}: ended on ${page.path} (${page.status}) via ${JSON.stringify(page.hops)}: ${page.html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 400)}`);
  }
}

/** The buyer's fields for the form on the page, with a card or a method. */
function fieldsFor(inputs: string[], method: "card" | "bank_transfer", card?: string): Record<string, string> {
  const fields: Record<string, string> = { method };
  if (inputs.includes("email")) fields.email = `buyer${Math.random().toString(36).slice(2, 8)}@example.com`;
  if (inputs.includes("name")) fields.name = "Drill Buyer";
  if (card) Object.assign(fields, { cardNumber: card, expiry: "12/40", cvc: "123" });
  return fields;
}

/** The app's own log: one "request completed" line per API call and checkout post it answered. */
function requestsAnswered(app: DrillProcess) {
  const lines = app.json().filter((l) => l.msg === "request completed");
  return { api: lines.filter((l) => typeof l.path === "string" && String(l.path).startsWith("/api/")).length, checkout_posts: lines.filter((l) => typeof l.route === "string").length };
}

function workDoneBy(worker: DrillProcess) {
  const lines = worker.json();
  const outcomes = lines.filter((l) => l.msg === "webhook deliveries").flatMap((l) => l.outcomes as string[]);
  const sweeps = lines.filter((l) => l.msg === "scheduled task done" && (l.task === "payments-sweep" || l.task === "processor-work")).map((l) => l.result as Record<string, number>);
  return {
    delivered: outcomes.filter((o) => o === "succeeded").length,
    other_outcomes: outcomes.filter((o) => o !== "succeeded").length,
    // Bank transfers and refunds end by the simulator's notifications, which the workers send to app A.
    notifications_sent: sweeps.reduce((a, r) => a + (r.notificationsSent ?? 0), 0),
    refunds_submitted: sweeps.reduce((a, r) => a + (r.refundsSubmitted ?? 0), 0),
  };
}

test("two apps and two workers on one database: every payment, refund and delivery happens once", { timeout: 300_000 }, async () => {
  const { db } = drill.database;
  const scope = await newMerchantScope(db);
  const { secret: apiKey } = await createApiKey(db, scope);
  let webhookSecret = "";
  receiver = drill.track(await startDrillReceiver(() => webhookSecret));
  // The link's status_callback_url: a second destination, signed with the merchant's callback secret.
  const [merchant] = await db.select({ callbackSecret: merchants.callbackSecretTest }).from(merchants).where(eq(merchants.id, scope.merchantId));
  callbacks = drill.track(await startDrillReceiver(() => merchant!.callbackSecret));

  const [portA, portB] = [await freePort(), await freePort()];
  const bases = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
  const startedAt = Date.now();
  const [appA, appB] = await Promise.all([
    spawnApp("app-a", drill.url, portA, { ...TIMING, LOG_LEVEL: "info" }),
    spawnApp("app-b", drill.url, portB, { ...TIMING, LOG_LEVEL: "info" }),
  ]);
  const apps = [appA, appB];
  // The workers' simulator sends its notifications to app A's inbound route, by host name.
  const workerSettings = { ...TIMING, LOG_LEVEL: "debug", APP_URL: `http://localhost:${portA}` };
  const workers = [spawnWorker("worker-a", drill.url, workerSettings), spawnWorker("worker-b", drill.url, workerSettings)];
  await Promise.all(workers.map((w) => w.waitForJson((l) => l.msg === "worker started", 60_000)));
  const startupMs = Date.now() - startedAt;

  const endpoint = await api<{ secret: string; id: string }>(bases[1]!, apiKey, "POST", "/api/v1/webhook_endpoints", { url: receiver.url, events: ["*"] });
  expect(endpoint.status, `${JSON.stringify(endpoint.body)}\n${appB.output.slice(-10).join("\n")}`).toBe(201);
  webhookSecret = endpoint.body.secret;
  const link = await api<{ id: string; url: string }>(bases[0]!, apiKey, "POST", "/api/v1/payment_links", {
    name: "Two apps",
    item_name: "Drill ticket",
    amount: PRICE,
    currency: "USD",
    default_country: "US",
    payment_methods: ["card", "bank_transfer"],
    status_callback_url: callbacks.url,
  });
  expect(link.status).toBe(201);
  const linkToken = new URL(link.body.url).pathname.split("/").pop()!;

  // The buyers, a few at a time, each request of a buyer to the next app.
  const buyerRequests: Browser["requests"] = [];
  const bought: { scenario: Scenario; orderToken: string; submissions: number }[] = [];
  const buyer = async (scenario: Scenario, index: number) => {
    let turn = index;
    const browser = new Browser(() => bases[turn++ % 2]!);
    const page = await browser.get(`/l/${linkToken}`);
    const form = formOn(page, /^\/l\/[0-9A-Za-z]+\/pay$/);
    let end: Page;
    let submissions = 1;
    switch (scenario) {
      case "card":
        end = await browser.submit(form, fieldsFor(form.inputs, "card", CARDS.success));
        break;
      case "double_card": {
        // The same form, one submission token, posted to both apps at once: one order, one payment.
        const fields = fieldsFor(form.inputs, "card", CARDS.success);
        const twins = await Promise.all(bases.map((base) => browser.submit(form, fields, base)));
        expect(twins[0]!.path, "both posts end on the same page").toBe(twins[1]!.path);
        end = twins[0]!;
        submissions = 2;
        break;
      }
      case "three_d_secure":
      case "double_three_d_secure":
      case "three_d_secure_failed_then_card": {
        const doubled = scenario === "double_three_d_secure";
        const fields = fieldsFor(form.inputs, "card", CARDS.threeDSecure);
        const challenge = doubled ? (await Promise.all(bases.map((base) => browser.submit(form, fields, base))))[0]! : await browser.submit(form, fields);
        expectPage(challenge, /\/authenticate$/, `${scenario}: the challenge`);
        const action = formOn(challenge, /\/action$/);
        if (scenario === "three_d_secure_failed_then_card") {
          const back = await browser.submit(action, { decision: "decline" });
          expectPage(back, /^\/o\/[0-9A-Za-z]+$/, `${scenario}: back to the order after a failed challenge`);
          end = await browser.submit(formOn(back, /\/pay$/), fieldsFor(formOn(back, /\/pay$/).inputs, "card", CARDS.success));
          submissions = 2;
        } else if (doubled) {
          const twins = await Promise.all(bases.map((base) => browser.submit(action, { decision: "approve" }, base)));
          end = twins[0]!;
          expectPage(twins[1]!, /\/complete$/, `${scenario}: the second approval`);
          submissions = 4;
        } else {
          end = await browser.submit(action, { decision: "approve" });
        }
        break;
      }
      case "declined_then_card": {
        const back = await browser.submit(form, fieldsFor(form.inputs, "card", CARDS.declined));
        expectPage(back, /^\/o\/[0-9A-Za-z]+$/, `${scenario}: back to the order after the decline`);
        expect(back.html).toContain("declined");
        const retry = formOn(back, /\/pay$/);
        const retryFields = fieldsFor(retry.inputs, "card", CARDS.success);
        if (index % 2 === 0) {
          end = await browser.submit(retry, retryFields);
          submissions = 2;
        } else {
          // The retry double-tapped, one post to each app.
          const twins = await Promise.all(bases.map((base) => browser.submit(retry, retryFields, base)));
          expect(twins[0]!.path).toBe(twins[1]!.path);
          end = twins[0]!;
          submissions = 3;
        }
        break;
      }
      case "bank_wait":
      case "bank_confirm": {
        const postedAt = Date.now();
        const waiting = await browser.submit(form, fieldsFor(form.inputs, "bank_transfer"));
        expectPage(waiting, /\/bank-transfer$/, `${scenario}: the transfer instructions`);
        if (scenario === "bank_confirm") {
          // Press the test control around the moment the transfer is due (2 s; the workers sweep every
          // second): the buyer and the sweep race to confirm it.
          await sleep(postedAt + 1_400 + Math.random() * 1_400 - Date.now());
          // Double-tapped: one post to each app.
          const confirm = formOn(waiting, /\/bank-transfer\/confirm$/);
          const twins = await Promise.all(bases.map((base) => browser.submit(confirm, {}, base)));
          expect(twins[0]!.path).toBe(twins[1]!.path);
          end = twins[0]!;
          submissions = 3;
        } else {
          end = waiting;
          for (let i = 0; i < 40 && !end.path.endsWith("/complete"); i++) {
            await sleep(250); // the page refreshes itself every few seconds; a buyer reloads sooner
            end = await browser.get(waiting.path);
          }
        }
        break;
      }
    }
    expectPage(end, /^\/o\/[0-9A-Za-z]+\/complete$/, `${scenario} #${index}: the receipt`);
    bought.push({ scenario, orderToken: orderTokenOf(end.path)!, submissions });
    buyerRequests.push(...browser.requests);
  };
  const checkoutStartedAt = Date.now();
  await inBatches(
    SCENARIOS.map((s, i) => [s, i] as const),
    BUYERS_AT_ONCE,
    ([s, i]) => buyer(s, i),
  );
  const checkoutMs = Date.now() - checkoutStartedAt;

  // Orders: one per buyer, each paid exactly once.
  const linkOrders = await db.select().from(orders).where(eq(orders.paymentLinkId, link.body.id));
  expect(linkOrders).toHaveLength(SCENARIOS.length);
  expect(new Set(bought.map((b) => b.orderToken)).size).toBe(SCENARIOS.length);
  expect(new Set(linkOrders.map((o) => o.token))).toEqual(new Set(bought.map((b) => b.orderToken)));
  expect(linkOrders.every((o) => o.status === "paid")).toBe(true);
  const orderIds = linkOrders.map((o) => o.id);
  const idOf = new Map(linkOrders.map((o) => [o.token, o.id]));

  // The API through both apps: voids (one sent to both apps at once), settlement, then refunds — some
  // split in two parts across the apps, one request sent to both apps with one key, and two competing
  // full refunds sent to both apps with different keys.
  const byScenario = (s: Scenario) => bought.filter((b) => b.scenario === s).map((b) => idOf.get(b.orderToken)!);
  const cardOrders = byScenario("card");
  const [voidOne, voidRace, ...afterVoids] = cardOrders;
  expect((await api(bases[1]!, apiKey, "POST", `/api/v1/orders/${voidOne}/void`)).status).toBe(200);
  const voidAnswers = await Promise.all(bases.map((base) => api(base, apiKey, "POST", `/api/v1/orders/${voidRace}/void`)));
  expect(voidAnswers.map((a) => a.status).sort()).toEqual([200, 409]);
  const settled = await api<{ settled: number }>(bases[0]!, apiKey, "POST", "/api/v1/test_helpers/settle");
  expect(settled.body.settled).toBe(SCENARIOS.length - 2);

  const refundCalls: { orderId: string; status: number; body: string; app: number }[] = [];
  const split = afterVoids.slice(0, 4);
  for (const [i, orderId] of split.entries()) {
    for (const [part, amount] of [[0, 1_000], [1, undefined]] as const) {
      const app = (i + part) % 2;
      const r = await api(bases[app]!, apiKey, "POST", `/api/v1/orders/${orderId}/refunds`, amount ? { amount, reason: "part" } : {}, `refund-${orderId}-${part}`);
      refundCalls.push({ orderId, status: r.status, body: JSON.stringify(r.body), app });
    }
  }
  // One request, one key, both apps at once: one refund, and both answers are the same (one a replay).
  const sameKeyOrders = afterVoids.slice(4, 6);
  const sameKeyAnswers: IdempotentCall[][] = [];
  for (const orderId of sameKeyOrders) {
    const twins = bases.map((base) => {
      const call: IdempotentCall = { key: `refund-once-${orderId}`, path: `/api/v1/orders/${orderId}/refunds`, body: JSON.stringify({ reason: "twice sent" }), startedAt: Date.now(), answeredAt: null, attempts: [], final: null };
      return postIdempotently(() => base, apiKey, call, { backoffMs: 50, deadlineMs: 20_000 });
    });
    sameKeyAnswers.push(await Promise.all(twins));
  }
  for (const twins of sameKeyAnswers) {
    expect(twins.map((t) => t.final?.status)).toEqual([201, 201]);
    expect(twins[0]!.final!.body).toBe(twins[1]!.final!.body);
    expect(twins.filter((t) => t.final!.headers.get("idempotent-replayed") === "true")).toHaveLength(1);
  }
  // Two different full refunds of one order at once: the order is refunded once.
  const competingOrders = byScenario("double_card").slice(0, 2);
  const competing = await Promise.all(
    competingOrders.flatMap((orderId) => bases.map((base, app) => api(base, apiKey, "POST", `/api/v1/orders/${orderId}/refunds`, {}, `refund-all-${orderId}-${app}`))),
  );
  const competingStatuses = countBy(competing, (r) => `${r.status}${r.status >= 400 ? ` ${(r.body as { error?: { code?: string } }).error?.code}` : ""}`);
  expect(competingStatuses.get("201")).toBe(competingOrders.length);
  // A cancel (a full refund, for a settled order) on one app while the other refunds part of the order.
  const cancelRaceOrder = byScenario("double_card")[2]!;
  const cancelRace = await Promise.all([
    api(bases[0]!, apiKey, "POST", `/api/v1/orders/${cancelRaceOrder}/cancel`),
    api(bases[1]!, apiKey, "POST", `/api/v1/orders/${cancelRaceOrder}/refunds`, { amount: 1_000 }, `refund-part-${cancelRaceOrder}`),
  ]);
  expect(cancelRace[0].status).toBe(200);
  expect([201, 409, 422]).toContain(cancelRace[1].status);

  // Refunds settle, bank transfers are all in, every message is delivered, the queues drain.
  await waitFor(
    () => nothingInFlight(drill.database, scope.merchantId),
    60_000,
    "refunds and deliveries to settle",
  );
  await sleep(1_500); // a second delivery of anything would arrive now
  await Promise.all(workers.map((w) => w.stop()));
  for (const w of workers) expect(await w.exited, `${w.name} stopped gracefully`).toEqual({ code: 0, signal: null });

  // Each order paid once: one order.paid event, one succeeded payment; its failed attempts stay failed.
  const allEvents = await db.select().from(events).where(eq(events.merchantId, scope.merchantId));
  const byObjectAndType = countBy(allEvents, (e) => `${e.objectId} ${e.type}`);
  const orderPayments = await db.select().from(payments).where(inArray(payments.orderId, orderIds));
  // Captured once: succeeded (or voided afterwards, for the voided orders).
  const succeededPayments = countBy(orderPayments.filter((p) => p.capturedAt !== null), (p) => p.orderId);
  const finalOrders = await db.select().from(orders).where(inArray(orders.id, orderIds));
  for (const o of finalOrders) {
    expect(byObjectAndType.get(`${o.id} order.paid`), `${o.id} order.paid`).toBe(1);
    expect(byObjectAndType.get(`${o.id} order.created`), `${o.id} order.created`).toBe(1);
    expect(succeededPayments.get(o.id), `${o.id} succeeded payments`).toBe(1);
    expect(orderPayments.filter((p) => p.orderId === o.id)).toHaveLength(o.attempts);
    expect(o.paymentId).toBe(orderPayments.find((p) => p.orderId === o.id && p.capturedAt !== null)!.id);
  }
  const attemptsByScenario = Object.fromEntries(
    [...new Set(SCENARIOS)].map((s) => [s, bought.filter((b) => b.scenario === s).map((b) => finalOrders.find((o) => o.token === b.orderToken)!.attempts)]),
  );
  for (const s of ["card", "double_card", "three_d_secure", "double_three_d_secure", "bank_wait", "bank_confirm"] as const) expect(attemptsByScenario[s]!.every((n) => n === 1), s).toBe(true);
  for (const s of ["declined_then_card", "three_d_secure_failed_then_card"] as const) expect(attemptsByScenario[s]!.every((n) => n === 2), s).toBe(true);

  // Voids and refunds, once each.
  for (const id of [voidOne, voidRace]) {
    expect(finalOrders.find((o) => o.id === id)!.status).toBe("voided");
    expect(byObjectAndType.get(`${id} order.voided`)).toBe(1);
  }
  const allRefunds = await db.select().from(refunds).where(inArray(refunds.orderId, orderIds));
  expect(allRefunds.every((r) => r.status === "succeeded")).toBe(true);
  expect(allRefunds).toHaveLength(split.length * 2 + sameKeyOrders.length + competingOrders.length + (cancelRace[1].status === 201 ? 2 : 1));
  expect(finalOrders.find((o) => o.id === cancelRaceOrder)!.status).toBe("refunded");
  for (const r of allRefunds) {
    expect(byObjectAndType.get(`${r.id} refund.created`), r.id).toBe(1);
    expect(byObjectAndType.get(`${r.id} refund.succeeded`), r.id).toBe(1);
  }
  const refundedPerOrder = new Map<string, number>();
  for (const r of allRefunds) refundedPerOrder.set(r.orderId, (refundedPerOrder.get(r.orderId) ?? 0) + r.amount);
  for (const o of finalOrders) {
    const refunded = refundedPerOrder.get(o.id) ?? 0;
    expect(o.amountRefunded, o.id).toBe(refunded);
    expect(refunded).toBeLessThanOrEqual(o.amount);
    if (refunded > 0) expect(o.status, o.id).toBe(refunded === o.amount ? "refunded" : "partially_refunded");
    expect(byObjectAndType.get(`${o.id} order.refunded`) ?? 0, o.id).toBe(allRefunds.filter((r) => r.orderId === o.id).length);
    expect(byObjectAndType.get(`${o.id} order.settled`) ?? 0, o.id).toBe(o.settledAt ? 1 : 0);
  }

  // The link's stats are its orders'.
  const [finalLink] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.body.id));
  expect([finalLink!.payCount, finalLink!.successAmount]).toEqual([finalOrders.length, finalOrders.reduce((a, o) => a + o.amount, 0)]);
  const apiLink = await api<{ stats: { pay_count: number; success_amount: number } }>(bases[1]!, apiKey, "GET", `/api/v1/payment_links/${link.body.id}`);
  expect(apiLink.body.stats).toMatchObject({ pay_count: finalOrders.length, success_amount: finalOrders.length * PRICE });

  // Deliveries: one message per event, one succeeded attempt each; each event arrived once, verified.
  const endpointMessages = await db.select().from(webhookMessages).where(eq(webhookMessages.endpointId, endpoint.body.id));
  expect(endpointMessages).toHaveLength(allEvents.length);
  const callbackMessages = await db.select().from(webhookMessages).where(and(eq(webhookMessages.merchantId, scope.merchantId), isNull(webhookMessages.endpointId)));
  expect(callbackMessages.every((m) => m.callbackUrl === callbacks.url)).toBe(true);
  // Every event of the link and of its orders goes to the callback URL as well, once.
  const callbackEvents = allEvents.filter((e) => e.objectId === link.body.id || orderIds.includes(e.objectId));
  expect(new Set(callbackMessages.map((m) => m.eventId))).toEqual(new Set(callbackEvents.map((e) => e.id)));
  expect(callbackMessages).toHaveLength(callbackEvents.length);
  const messages = [...endpointMessages, ...callbackMessages];
  const attempts = await db.select().from(webhookAttempts).where(inArray(webhookAttempts.messageId, messages.map((m) => m.id)));
  const attemptsPerMessage = countBy(attempts, (a) => a.messageId);
  for (const m of messages) {
    expect(m.status, m.id).toBe("succeeded");
    expect(attemptsPerMessage.get(m.id), m.id).toBe(1);
  }
  // webhook-id is unique per destination: nothing arrived twice at either.
  for (const destination of [receiver, callbacks]) {
    expect(destination.deliveries.filter((d) => d.error !== null)).toEqual([]);
    expect(destination.duplicates().size).toBe(0);
  }
  expect(receiver.uniqueIds()).toEqual(new Set(allEvents.map((e) => e.id)));
  expect(callbacks.uniqueIds()).toEqual(new Set(callbackEvents.map((e) => e.id)));

  // Both apps and both workers did the work.
  const perApp = apps.map((app, i) => ({
    app: app.name,
    ...requestsAnswered(app),
    buyer_requests: buyerRequests.filter((r) => r.base === bases[i]).length,
    buyer_posts: buyerRequests.filter((r) => r.base === bases[i] && r.method === "POST").length,
  }));
  const perWorker = workers.map((w) => ({ worker: w.name, ...workDoneBy(w) }));
  for (const a of perApp) expect(a.checkout_posts, `${a.app} answered checkout posts`).toBeGreaterThan(0);
  for (const a of perApp) expect(a.api, `${a.app} answered API calls`).toBeGreaterThan(0);
  for (const w of perWorker) expect(w.delivered, `${w.worker} delivered`).toBeGreaterThan(0);
  expect(perWorker.reduce((a, w) => a + w.delivered, 0)).toBe(messages.length);

  const bankTransfers = bought.filter((b) => b.scenario.startsWith("bank")).length;
  // Each bank transfer and refund ended by one applied notification, however many times it was sent.
  const handled = await db.select().from(processorNotifications);
  const applied = countBy(handled.filter((n) => n.outcome === "applied"), (n) => n.type);
  expect(applied.get("payment.succeeded")).toBe(bankTransfers);
  expect(applied.get("refund.succeeded")).toBe(allRefunds.filter((r) => r.status === "succeeded").length);
  const notificationsByWorkers = perWorker.reduce((a, w) => a + w.notifications_sent, 0);
  console.log(
    `drill two-apps: ${JSON.stringify({
      startup_ms: startupMs,
      buyers: SCENARIOS.length,
      scenarios: Object.fromEntries(countBy(SCENARIOS, (s) => s)),
      checkout_ms: checkoutMs,
      buyer_requests: buyerRequests.length,
      orders_paid: finalOrders.length,
      payments: orderPayments.length,
      failed_attempts: orderPayments.filter((p) => p.status === "failed").length,
      double_submits: bought.filter((b) => b.scenario.startsWith("double")).length,
      bank_transfers: bankTransfers,
      notifications: { sent_by_workers: notificationsByWorkers, received: handled.length, applied: Object.fromEntries(applied) },
      voided: 2,
      settled: settled.body.settled,
      refunds: allRefunds.length,
      competing_refunds: Object.fromEntries(competingStatuses),
      link_stats: { pay_count: finalLink!.payCount, success_amount: finalLink!.successAmount },
      events: allEvents.length,
      cancel_vs_refund: cancelRace.map((r) => r.status),
      messages: { endpoint: endpointMessages.length, status_callback: callbackMessages.length },
      deliveries: receiver.deliveries.length + callbacks.deliveries.length,
      duplicate_deliveries: receiver.deliveries.length - receiver.uniqueIds().size + callbacks.deliveries.length - callbacks.uniqueIds().size,
      per_app: perApp,
      per_worker: perWorker,
    })}`,
  );
});
