import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, processorNotifications, simulatorPayments } from "@/db/schema";
import { simulatorNotificationSecret } from "@/lib/processor";
import { SIGNATURE_HEADER, signNotification } from "@/lib/processor/notification-wire";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { createApiKey } from "@/lib/services/create-api-key";
import { workerEnv } from "@/test/drills/harness";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { startApp } from "./app";

// Manual capture over HTTP (POST /api/v1/orders/{id}/capture), and the processors' inbound notification
// route as a processor reaches it: the app's own worker sends the simulator's bank confirmation to it.

const app = await startApp({ SIMULATOR_BANK_TRANSFER_SECONDS: "1", SCHEDULER_TICK_SECONDS: "1" });
const db = app.database.db;
const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

async function apiKey() {
  const scope = await newMerchantScope(db);
  return { scope, secret: (await createApiKey(db, scope)).secret };
}

async function api(secret: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const answer = await app.client().send(path, { method, ...(body === undefined ? {} : { json: body }), headers: { authorization: `Bearer ${secret}`, ...headers } });
  return { ...answer, json: JSON.parse(answer.body || "null") as Record<string, unknown> };
}

/** The events of an object, oldest first. */
async function eventTypes(id: string) {
  return (await db.select({ type: events.type }).from(events).where(eq(events.objectId, id)).orderBy(events.id)).map((e) => e.type);
}

/** What the simulated processor holds for a payment: its state and what a capture took. */
async function processorBook(paymentId: string) {
  const [row] = await db.select({ state: simulatorPayments.state, capturedAmount: simulatorPayments.capturedAmount }).from(simulatorPayments).where(eq(simulatorPayments.key, paymentId));
  return row!;
}

/** The buyer pays the order's checkout with `method`, as the page's own form posts. */
function checkoutPay(url: string, form: Record<string, string>) {
  const path = new URL(url).pathname;
  return app.client().send(`${path}/pay`, { form: { email: "ana@example.com", name: "Ana Silva", ...form }, headers: { origin: app.baseUrl, "sec-fetch-site": "same-origin" } });
}

/** A manual-capture order the buyer has paid by card at its checkout: `authorized`, waiting for capture. */
async function authorizedOrder(secret: string, amount: number): Promise<string> {
  const created = await api(secret, "POST", "/api/v1/orders", { amount, currency: "USD", item_name: "Camera rental", capture_method: "manual" });
  expect(created.status).toBe(201);
  const paid = await checkoutPay(created.json.url as string, { method: "card", cardNumber: TEST_CARDS.success, expiry: EXPIRY, cvc: "123" });
  expect(paid.status).toBe(303);
  const id = created.json.id as string;
  expect((await api(secret, "GET", `/api/v1/orders/${id}`)).json).toMatchObject({ status: "authorized", allowed_capture: true });
  return id;
}

describe("POST /api/v1/orders/{id}/capture", () => {
  test("a manual-capture order is authorized at checkout, then captured in part over the API; a retry with the key replays", async () => {
    const { secret } = await apiKey();
    const created = await api(secret, "POST", "/api/v1/orders", { amount: 12_000, currency: "EUR", item_name: "Hotel night", capture_method: "manual" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ capture_method: "manual", amount_captured: null, allowed_capture: false, authorization_expires_at: null });
    const id = created.json.id as string;

    const paid = await checkoutPay(created.json.url as string, { method: "card", cardNumber: TEST_CARDS.success, expiry: EXPIRY, cvc: "123" });
    expect(paid.status).toBe(303);
    expect(paid.location).toMatch(/\/complete$/);
    const authorized = await api(secret, "GET", `/api/v1/orders/${id}`);
    expect(authorized.json).toMatchObject({ status: "authorized", allowed_capture: true, allowed_void: true, payment: { status: "authorized" } });
    expect(Date.parse(authorized.json.authorization_expires_at as string)).toBeGreaterThan(Date.now() + 167 * 3_600_000);

    const tooMuch = await api(secret, "POST", `/api/v1/orders/${id}/capture`, { amount: 12_001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json).toEqual({ error: { type: "invalid_request_error", code: "capture_exceeds_authorized_amount", message: expect.stringContaining("€120.00"), param: "amount" } });

    const key = { "idempotency-key": `capture-${id}` };
    const captured = await api(secret, "POST", `/api/v1/orders/${id}/capture`, { amount: 9_000 }, key);
    expect(captured.status).toBe(200);
    expect(captured.json).toMatchObject({ id, status: "paid", amount: 12_000, amount_captured: 9_000, allowed_capture: false, payment: { status: "succeeded" } });
    const replay = await api(secret, "POST", `/api/v1/orders/${id}/capture`, { amount: 9_000 }, key);
    expect(replay.status).toBe(200);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.body).toBe(captured.body);

    const again = await api(secret, "POST", `/api/v1/orders/${id}/capture`, {});
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: "order_not_capturable" } });
    expect(await eventTypes(id)).toEqual(["order.created", "order.processing", "order.authorized", "order.paid"]);
  });

  test("a capture with an empty body captures the whole authorized amount", async () => {
    const { secret } = await apiKey();
    const id = await authorizedOrder(secret, 7_550);
    // No body at all, as `curl -X POST` sends it: the contract's default is the whole authorized amount.
    const captured = await api(secret, "POST", `/api/v1/orders/${id}/capture`);
    expect(captured.status).toBe(200);
    expect(captured.json).toMatchObject({ id, status: "paid", amount: 7_550, amount_captured: 7_550, allowed_capture: false, authorization_expires_at: null, payment: { status: "succeeded" } });
    const payment = captured.json.payment as { id: string };
    expect(await processorBook(payment.id)).toEqual({ state: "charged", capturedAmount: 7_550 });
    expect(await eventTypes(id)).toEqual(["order.created", "order.processing", "order.authorized", "order.paid"]);
  });

  test("an automatically captured order, and a body with unknown fields, are refused in the documented shape", async () => {
    const { secret } = await apiKey();
    const created = await api(secret, "POST", "/api/v1/orders", { amount: 500, currency: "USD", item_name: "Tea" });
    expect(created.json.capture_method).toBe("automatic");
    const open = await api(secret, "POST", `/api/v1/orders/${created.json.id as string}/capture`, {});
    expect(open.status).toBe(409);
    expect(open.json).toMatchObject({ error: { code: "order_not_capturable", type: "invalid_request_error" } });
    const unknown = await api(secret, "POST", `/api/v1/orders/${created.json.id as string}/capture`, { amount: 100, amout: 1 });
    expect(unknown.status).toBe(400);
    const refusedMethods = await api(secret, "POST", "/api/v1/orders", { amount: 500, currency: "USD", item_name: "Tea", capture_method: "manual", payment_methods: ["bank_transfer"] });
    expect(refusedMethods.status).toBe(400);
    expect(refusedMethods.json).toMatchObject({ error: { code: "parameter_invalid", param: "payment_methods" } });
  });
});

describe("POST /api/v1/orders/{id}/void of an authorization", () => {
  test("releases the hold: voided, nothing captured, no capture allowed; a second void or a capture is refused", async () => {
    const { secret } = await apiKey();
    const id = await authorizedOrder(secret, 4_000);
    const voided = await api(secret, "POST", `/api/v1/orders/${id}/void`);
    expect(voided.status).toBe(200);
    expect(voided.json).toMatchObject({
      id,
      status: "voided",
      amount_captured: null,
      allowed_capture: false,
      allowed_void: false,
      allowed_refund: false,
      authorization_expires_at: null,
      payment: { status: "voided" },
    });
    expect(await api(secret, "GET", `/api/v1/orders/${id}`)).toMatchObject({ status: 200, json: { status: "voided", amount_captured: null, allowed_capture: false } });

    const again = await api(secret, "POST", `/api/v1/orders/${id}/void`);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: "order_not_voidable", type: "invalid_request_error" } });
    const capture = await api(secret, "POST", `/api/v1/orders/${id}/capture`, {});
    expect(capture.status).toBe(409);
    expect(capture.json).toMatchObject({ error: { code: "order_not_capturable", type: "invalid_request_error" } });
    expect(await eventTypes(id)).toEqual(["order.created", "order.processing", "order.authorized", "order.voided"]);

    // The app's worker tells the processor after the commit: the hold is released there, nothing was charged.
    const payment = voided.json.payment as { id: string };
    expect(await waitFor(async () => ((await processorBook(payment.id)).state === "voided" ? true : null), 20_000, "the processor's release")).toBe(true);
    expect((await processorBook(payment.id)).capturedAmount).toBeNull();
  });
});

describe("POST /api/processors/{connector}/notifications", () => {
  test("a bank transfer at checkout is paid when the app's worker delivers the simulated bank's notification to the route", async () => {
    const { secret } = await apiKey();
    const created = await api(secret, "POST", "/api/v1/orders", { amount: 3_000, currency: "EUR", item_name: "Invoice", payment_methods: ["bank_transfer"] });
    const pending = await checkoutPay(created.json.url as string, { method: "bank_transfer" });
    expect(pending.location).toMatch(/\/bank-transfer$/);
    const id = created.json.id as string;
    const paid = await waitFor(async () => ((await api(secret, "GET", `/api/v1/orders/${id}`)).json.status === "paid" ? true : null), 20_000, "the bank's notification");
    expect(paid).toBe(true);
    const order = await api(secret, "GET", `/api/v1/orders/${id}`);
    const [handled] = await db.select().from(processorNotifications).where(eq(processorNotifications.id, `evt_sim_pay_${(order.json.payment as { id: string }).id}`));
    expect(handled).toMatchObject({ processor: "simulator", type: "payment.succeeded", outcome: "applied" });
  });

  test("a notification signed with anything but the app's key is refused with 401; an unknown processor is 404", async () => {
    const body = JSON.stringify({ id: "evt_forged", type: "payment.succeeded", created: 1, data: { payment: "pay_x", reference: "sim_x" } });
    const send = (path: string, signature: string) =>
      app.client().send(path, { method: "POST", body, headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature } });
    const forged = await send("/api/processors/simulator/notifications", signNotification("guessed", body));
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body)).toMatchObject({ error: { code: "signature_invalid", type: "authentication_error" } });
    // Signed with the key the app derives from its AUTH_SECRET: accepted, and ignored (no such payment).
    const genuine = await send("/api/processors/simulator/notifications", signNotification(simulatorNotificationSecret(workerEnv("").AUTH_SECRET!), body));
    expect(genuine.status).toBe(200);
    expect(JSON.parse(genuine.body)).toEqual({ received: true, outcome: "ignored" });
    const unknown = await send("/api/processors/acme/notifications", signNotification("x", body));
    expect(unknown.status).toBe(404);
  });
});
