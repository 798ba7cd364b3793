import type { Db } from "@/db/client";
import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { Database } from "@/db/client";
import { payLink } from "@/lib/services/pay-link";
import { payOrder } from "@/lib/services/pay-order";
import { cardBuyer, simulatorContext } from "@/test/payments";
import { expect, newMerchant, test } from "./fixtures";

// Orders, void, settlement, refunds and cancel through the running app. Buyers pay on the hosted checkout,
// which has no API, so these tests pay through the payment service on the e2e database instead.

interface Order {
  id: string;
  url: string;
  status: string;
  amount: number;
  created_at: string;
  [field: string]: unknown;
}

interface Refund {
  id: string;
  amount: number;
  status: string;
  [field: string]: unknown;
}

function expectError(json: unknown, code: string, param: string | null = null) {
  expect(json).toEqual({ error: { type: expect.any(String), code, message: expect.any(String), param } });
}

async function expectFailure(response: APIResponse, status: number, code: string, param: string | null = null) {
  expect(response.status(), await response.text()).toBe(status);
  expectError(await response.json(), code, param);
}

/** The unguessable last segment of a checkout URL (`/o/{token}`, `/l/{token}`). */
function tokenOf(url: string): string {
  return new URL(url).pathname.split("/").pop()!;
}

function paymentContext(db: Db, appUrl: string) {
  return simulatorContext(db, { bankTransferSeconds: 0, refundSeconds: 1 }, appUrl);
}

async function createOrder(api: APIRequestContext, data: Record<string, unknown> = {}): Promise<Order> {
  const response = await api.post("/api/v1/orders", { data: { amount: 10_000, currency: "USD", item_name: "Invoice", ...data } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** The buyer pays the order by card at checkout (through the service, on the e2e database). */
async function pay(database: Database, appUrl: string, order: Order): Promise<void> {
  const outcome = await payOrder(database.db, paymentContext(database.db, appUrl), tokenOf(order.url), cardBuyer());
  expect(outcome.kind).toBe("paid");
}

async function getOrder(api: APIRequestContext, id: string): Promise<Order> {
  const response = await api.get(`/api/v1/orders/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
}

async function settle(api: APIRequestContext): Promise<number> {
  const response = await api.post("/api/v1/test_helpers/settle");
  expect(response.status(), await response.text()).toBe(200);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["settled"]);
  return body.settled;
}

async function refund(api: APIRequestContext, orderId: string, data: Record<string, unknown> = {}): Promise<Refund> {
  const response = await api.post(`/api/v1/orders/${orderId}/refunds`, { data });
  expect(response.status(), await response.text()).toBe(201);
  const created = await response.json();
  expect(created).toMatchObject({ object: "refund", order: orderId, status: "pending", currency: "USD", livemode: false });
  return created;
}

/** The e2e server's simulated processor settles refunds after a second; its scheduler looks every second. */
async function refundSucceeds(api: APIRequestContext, id: string): Promise<Refund> {
  await expect
    .poll(async () => (await (await api.get(`/api/v1/refunds/${id}`)).json()).status, { timeout: 15_000, intervals: [250, 500] })
    .toBe("succeeded");
  return (await api.get(`/api/v1/refunds/${id}`)).json();
}

async function listIds(api: APIRequestContext, query: Record<string, string>): Promise<string[]> {
  const response = await api.get(`/api/v1/orders?${new URLSearchParams(query)}`);
  expect(response.status(), await response.text()).toBe(200);
  const list = await response.json();
  expect(list).toMatchObject({ object: "list", url: "/api/v1/orders", has_more: expect.any(Boolean) });
  return list.data.map((o: Order) => o.id);
}

test("create an order with every field, retrieve it, and list orders with each filter", async ({ api, database, baseURL, playwright }) => {
  const expiresAt = new Date(Date.now() + 2 * 86_400_000);
  expiresAt.setUTCMilliseconds(0);
  const full = {
    amount: 9999,
    currency: "USD",
    item_name: "Invoice A-1001",
    description: "Consulting, May 2026",
    reference: "A-1001",
    customer: { email: "ana@example.com", name: "Ana Buyer", country: "DE" },
    payment_methods: ["card", "alipay"],
    expires_at: expiresAt.toISOString().replace(".000Z", "+00:00"),
    success_url: "https://shop.example.com/thanks",
    cancel_url: "https://shop.example.com/cart",
    status_callback_url: "https://shop.example.com/paylink/callback",
    metadata: { customer_id: "42" },
  };
  const created = await api.post("/api/v1/orders", { data: full });
  expect(created.status()).toBe(201);
  const first: Order = await created.json();
  expect(first).toMatchObject({
    object: "order",
    livemode: false,
    payment_link: null,
    reference: "A-1001",
    status: "open",
    amount: 9999,
    currency: "USD",
    amount_refunded: 0,
    item_name: "Invoice A-1001",
    description: "Consulting, May 2026",
    customer: { email: "ana@example.com", name: "Ana Buyer", country: "DE" },
    payment_methods: ["card", "alipay"],
    payment: null,
    attempts: 0,
    allowed_void: false,
    allowed_refund: false,
    refundable_amount: 0,
    success_url: "https://shop.example.com/thanks",
    cancel_url: "https://shop.example.com/cart",
    status_callback_url: "https://shop.example.com/paylink/callback",
    expires_at: expiresAt.toISOString(),
    paid_at: null,
    metadata: { customer_id: "42" },
  });
  expect(first.id).toMatch(/^ord_[0-9A-Za-z]+$/);
  expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/o\/[0-9A-Za-z]{32}$/);
  expect(first.url).not.toContain(first.id);
  expect(await getOrder(api, first.id)).toEqual(first);

  // The defaults: pay by card, the merchant's country, expiry a day ahead.
  const second = await createOrder(api, { amount: 500, item_name: "Coffee" });
  expect(second).toMatchObject({ reference: null, description: null, customer: { email: null, name: null, country: "US" }, payment_methods: ["card"], metadata: {} });
  expect(Math.abs(Date.parse(second.expires_at as string) - Date.parse(second.created_at) - 24 * 3_600_000)).toBeLessThan(60_000);

  // An order made by a buyer paying through a link.
  const link = await (await api.post("/api/v1/payment_links", { data: { item_name: "Membership", amount: 2500, currency: "USD", default_country: "US" } })).json();
  const paid = await payLink(database.db, paymentContext(database.db, baseURL!), tokenOf(link.url), cardBuyer());
  expect(paid.kind).toBe("paid");
  const linkOrder = paid.order.id;

  expect(await listIds(api, {})).toEqual([linkOrder, second.id, first.id]);
  expect(await listIds(api, { reference: "A-1001" })).toEqual([first.id]);
  expect(await listIds(api, { reference: "A-9999" })).toEqual([]);
  expect(await listIds(api, { status: "open" })).toEqual([second.id, first.id]);
  expect(await listIds(api, { status: "paid" })).toEqual([linkOrder]);
  expect(await listIds(api, { payment_link: link.id })).toEqual([linkOrder]);
  expect(await listIds(api, { created_gte: second.created_at })).toEqual([linkOrder, second.id]);
  expect(await listIds(api, { created_lte: first.created_at })).toEqual([first.id]);
  expect(await listIds(api, { created_gte: first.created_at, created_lte: second.created_at, status: "open" })).toEqual([second.id, first.id]);

  // Cursor pagination, newest first.
  const page1 = await (await api.get("/api/v1/orders?limit=2")).json();
  expect(page1.data.map((o: Order) => o.id)).toEqual([linkOrder, second.id]);
  expect(page1.has_more).toBe(true);
  const page2 = await (await api.get(`/api/v1/orders?limit=2&starting_after=${second.id}`)).json();
  expect(page2.data.map((o: Order) => o.id)).toEqual([first.id]);
  expect(page2.has_more).toBe(false);
  expect(page1.data[0]).toMatchObject({ payment_link: link.id, status: "paid", amount: 2500, payment: { method: "card", card: { brand: "visa", last4: "4242" }, status: "succeeded" } });

  // Another merchant lists none of them, and cannot find them by reference.
  const other = await newMerchant(database, "orders-other");
  const otherApi = await playwright.request.newContext({ baseURL, extraHTTPHeaders: other.headers });
  expect(await listIds(otherApi, {})).toEqual([]);
  expect(await listIds(otherApi, { reference: "A-1001" })).toEqual([]);
  await otherApi.dispose();
});

test("create and list refuse what the contract refuses", async ({ api }) => {
  const valid = { amount: 450, currency: "USD", item_name: "Coffee" };
  const cases: [Record<string, unknown>, string, string][] = [
    [{ amount: 450, currency: "USD" }, "parameter_missing", "item_name"],
    [{ item_name: "Coffee", currency: "USD" }, "parameter_missing", "amount"],
    [{ ...valid, colour: "red" }, "parameter_unknown", "colour"],
    [{ ...valid, customer: { email: "a@example.com", phone: "1" } }, "parameter_unknown", "customer.phone"],
    [{ ...valid, amount: 4.5 }, "parameter_invalid", "amount"],
    [{ ...valid, amount: 0 }, "parameter_invalid", "amount"],
    [{ ...valid, amount: -1 }, "parameter_invalid", "amount"],
    [{ ...valid, currency: "usd" }, "parameter_invalid", "currency"],
    [{ ...valid, customer: { email: "not-an-email" } }, "parameter_invalid", "customer.email"],
    [{ ...valid, payment_methods: ["cash"] }, "parameter_invalid", "payment_methods.0"],
    [{ ...valid, expires_at: "2020-01-01T00:00:00Z" }, "parameter_invalid", "expires_at"],
    [{ ...valid, success_url: "javascript:alert(1)" }, "parameter_invalid", "success_url"],
  ];
  for (const [data, code, param] of cases) await expectFailure(await api.post("/api/v1/orders", { data }), 400, code, param);
  expect(await listIds(api, {})).toEqual([]);

  await createOrder(api, { ...valid, reference: "R-1" });
  await expectFailure(await api.post("/api/v1/orders", { data: { ...valid, reference: "R-1" } }), 409, "resource_conflict", "reference");

  for (const [query, code, param] of [
    ["status=lost", "parameter_invalid", "status"],
    ["payment_link=ord_123", "parameter_invalid", "payment_link"],
    ["created_gte=yesterday", "parameter_invalid", "created_gte"],
    ["limit=101", "parameter_invalid", "limit"],
    ["sort=amount", "parameter_unknown", "sort"],
  ]) {
    await expectFailure(await api.get(`/api/v1/orders?${query}`), 400, code!, param);
  }
  await expectFailure(await api.get("/api/v1/orders/ord_0000000000000000000000000"), 404, "resource_missing", "id");
  await expectFailure(await api.get("/api/v1/refunds/re_0000000000000000000000000"), 404, "resource_missing", "id");
  const order = await createOrder(api);
  await expectFailure(await api.get(`/api/v1/orders/${order.id}?expand=payment`), 400, "parameter_unknown", "expand");
});

test("void before settlement; no void after it, nor on an open order; no refund before it", async ({ api, database, baseURL }) => {
  const order = await createOrder(api, { customer: { email: "pre@example.com" } });
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/void`), 409, "order_not_voidable");

  await pay(database, baseURL!, order);
  const paid = await getOrder(api, order.id);
  expect(paid).toMatchObject({
    status: "paid",
    attempts: 1,
    allowed_void: true,
    allowed_refund: false,
    refundable_amount: 0,
    paid_at: expect.any(String),
    settled_at: null,
    customer: { email: "buyer@example.com", name: "Ana Buyer" },
    payment: { method: "card", card: { brand: "visa", last4: "4242" }, status: "succeeded", captured_at: expect.any(String), settled_at: null },
  });
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 100 } }), 409, "order_not_refundable");
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/void`, { data: { amount: 100 } }), 400, "parameter_unknown", "amount");

  const voided = await api.post(`/api/v1/orders/${order.id}/void`);
  expect(voided.status()).toBe(200);
  expect(await voided.json()).toMatchObject({ id: order.id, status: "voided", allowed_void: false, allowed_refund: false, payment: { status: "voided" } });
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/void`), 409, "order_not_voidable");
  expect(await settle(api)).toBe(0); // a voided order is never settled

  const later = await createOrder(api);
  await pay(database, baseURL!, later);
  expect(await settle(api)).toBe(1);
  await expectFailure(await api.post(`/api/v1/orders/${later.id}/void`), 409, "order_not_voidable");
  expect(await getOrder(api, later.id)).toMatchObject({ status: "paid", allowed_void: false, allowed_refund: true });
});

test("settle, refund part, then the rest; never more than was paid", async ({ api, database, baseURL }) => {
  const order = await createOrder(api, { amount: 10_000 });
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/refunds`), 409, "order_not_refundable");
  await pay(database, baseURL!, order);
  expect(await settle(api)).toBe(1);
  expect(await settle(api)).toBe(0);
  expect(await getOrder(api, order.id)).toMatchObject({
    status: "paid",
    settled_at: expect.any(String),
    allowed_void: false,
    allowed_refund: true,
    refundable_amount: 10_000,
    payment: { settled_at: expect.any(String) },
  });

  await expectFailure(await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 10_001 } }), 422, "refund_exceeds_refundable_amount", "amount");
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 0 } }), 400, "parameter_invalid", "amount");
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 10, note: "x" } }), 400, "parameter_unknown", "note");

  const part = await refund(api, order.id, { amount: 2_500, reason: "Damaged in transit" });
  expect(part).toMatchObject({ amount: 2_500, reason: "Damaged in transit", failure_reason: null });
  expect(part.id).toMatch(/^re_[0-9A-Za-z]+$/);
  // Reserved at once: a pending refund already counts against what may be refunded.
  expect(await getOrder(api, order.id)).toMatchObject({ status: "paid", amount_refunded: 0, refundable_amount: 7_500 });
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 7_501 } }), 422, "refund_exceeds_refundable_amount", "amount");

  expect(await refundSucceeds(api, part.id)).toMatchObject({ id: part.id, amount: 2_500, status: "succeeded" });
  expect(await getOrder(api, order.id)).toMatchObject({ status: "partially_refunded", amount_refunded: 2_500, refundable_amount: 7_500, allowed_refund: true });

  const rest = await refund(api, order.id);
  expect(rest).toMatchObject({ amount: 7_500, reason: null });
  await refundSucceeds(api, rest.id);
  expect(await getOrder(api, order.id)).toMatchObject({ status: "refunded", amount_refunded: 10_000, refundable_amount: 0, allowed_refund: false });
  await expectFailure(await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 1 } }), 409, "order_not_refundable");

  const list = await (await api.get(`/api/v1/orders/${order.id}/refunds`)).json();
  expect(list).toMatchObject({ object: "list", url: `/api/v1/orders/${order.id}/refunds`, has_more: false });
  expect(list.data.map((r: Refund) => [r.id, r.amount, r.status])).toEqual([
    [rest.id, 7_500, "succeeded"],
    [part.id, 2_500, "succeeded"],
  ]);
  const page = await (await api.get(`/api/v1/orders/${order.id}/refunds?limit=1&starting_after=${rest.id}`)).json();
  expect(page.data.map((r: Refund) => r.id)).toEqual([part.id]);
  await expectFailure(await api.get(`/api/v1/orders/${order.id}/refunds?status=pending`), 400, "parameter_unknown", "status");
});

test("cancel: open → canceled, then 409; paid → voided; settled → refunded in full", async ({ api, database, baseURL }) => {
  const open = await createOrder(api);
  await expectFailure(await api.post(`/api/v1/orders/${open.id}/cancel`, { data: { reason: "x" } }), 400, "parameter_unknown", "reason");
  const canceled = await api.post(`/api/v1/orders/${open.id}/cancel`);
  expect(canceled.status()).toBe(200);
  expect(await canceled.json()).toMatchObject({ id: open.id, status: "canceled" });
  await expectFailure(await api.post(`/api/v1/orders/${open.id}/cancel`), 409, "order_not_cancelable");
  await expectFailure(await api.post(`/api/v1/orders/${open.id}/void`), 409, "order_not_voidable");
  await expectFailure(await api.post(`/api/v1/orders/${open.id}/refunds`), 409, "order_not_refundable");

  const unsettled = await createOrder(api);
  await pay(database, baseURL!, unsettled);
  expect(await (await api.post(`/api/v1/orders/${unsettled.id}/cancel`)).json()).toMatchObject({ status: "voided" });

  const settled = await createOrder(api, { amount: 4_000 });
  await pay(database, baseURL!, settled);
  expect(await settle(api)).toBe(1);
  expect(await (await api.post(`/api/v1/orders/${settled.id}/cancel`)).json()).toMatchObject({ status: "paid", refundable_amount: 0 });
  const [pending] = (await (await api.get(`/api/v1/orders/${settled.id}/refunds`)).json()).data;
  expect(pending).toMatchObject({ amount: 4_000, status: "pending" });
  await refundSucceeds(api, pending.id);
  expect(await getOrder(api, settled.id)).toMatchObject({ status: "refunded", amount_refunded: 4_000 });
});

test("the settle helper takes only a test-mode key", async ({ api, merchant, database, baseURL, playwright }) => {
  const order = await createOrder(api);
  await pay(database, baseURL!, order);
  const live = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${merchant.liveKey}` } });
  await expectFailure(await live.post("/api/v1/test_helpers/settle"), 403, "forbidden");
  await live.dispose();
  expect(await getOrder(api, order.id)).toMatchObject({ settled_at: null });
  await expectFailure(await api.post("/api/v1/test_helpers/settle", { data: { merchant: "x" } }), 400, "parameter_unknown", "merchant");
  expect(await settle(api)).toBe(1);
});

test("a POST replayed with the same Idempotency-Key does its work once", async ({ api, database, baseURL }) => {
  const key = randomUUID();
  const data = { amount: 10_000, currency: "USD", item_name: "Invoice" };
  const first = await api.post("/api/v1/orders", { data, headers: { "idempotency-key": key } });
  const again = await api.post("/api/v1/orders", { data, headers: { "idempotency-key": key } });
  expect(again.status()).toBe(201);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.text()).toBe(await first.text());
  const order: Order = await first.json();
  expect(await listIds(api, {})).toEqual([order.id]);

  await pay(database, baseURL!, order);
  expect(await settle(api)).toBe(1);
  const refundKey = randomUUID();
  const post = () => api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 1_000 }, headers: { "idempotency-key": refundKey } });
  const original = await post();
  expect(original.status()).toBe(201);
  expect(original.headers()["idempotent-replayed"]).toBeUndefined();
  for (const replay of await Promise.all([post(), post(), post()])) {
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.text()).toBe(await original.text());
  }
  await expectFailure(
    await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 2_000 }, headers: { "idempotency-key": refundKey } }),
    422,
    "idempotency_key_reused",
    "Idempotency-Key",
  );
  const refunds = (await (await api.get(`/api/v1/orders/${order.id}/refunds`)).json()).data;
  expect(refunds.map((r: Refund) => r.amount)).toEqual([1_000]);
  expect(await getOrder(api, order.id)).toMatchObject({ refundable_amount: 9_000 });

  // A refused request is remembered too: its replay answers the same refusal.
  const voidKey = randomUUID();
  const refused = await api.post(`/api/v1/orders/${order.id}/void`, { headers: { "idempotency-key": voidKey } });
  expect(refused.status()).toBe(409);
  const refusedAgain = await api.post(`/api/v1/orders/${order.id}/void`, { headers: { "idempotency-key": voidKey } });
  expect(refusedAgain.headers()["idempotent-replayed"]).toBe("true");
  expect(await refusedAgain.text()).toBe(await refused.text());
});

test("50 concurrent refunds over HTTP never add up to more than was paid", async ({ api, database, baseURL }) => {
  const order = await createOrder(api, { amount: 10_000 });
  await pay(database, baseURL!, order);
  expect(await settle(api)).toBe(1);

  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 300 }, headers: i % 2 ? { "idempotency-key": randomUUID() } : {} }),
    ),
  );
  const created: Refund[] = [];
  for (const response of responses) {
    if (response.status() === 201) created.push(await response.json());
    else await expectFailure(response, 422, "refund_exceeds_refundable_amount", "amount");
  }
  const total = created.reduce((sum, r) => sum + r.amount, 0);
  expect(total).toBeLessThanOrEqual(10_000);
  // Each refund waits for the order's row lock, so exactly as many as fit are taken: 33 × 300 = 9,900.
  expect(created).toHaveLength(33);
  expect(await getOrder(api, order.id)).toMatchObject({ refundable_amount: 100 });

  const listed = (await (await api.get(`/api/v1/orders/${order.id}/refunds?limit=100`)).json()).data as Refund[];
  expect(listed.map((r) => r.id).sort()).toEqual(created.map((r) => r.id).sort());
  await expect.poll(async () => (await getOrder(api, order.id)).amount_refunded, { timeout: 20_000 }).toBe(9_900);
  expect(await getOrder(api, order.id)).toMatchObject({ status: "partially_refunded", refundable_amount: 100 });
});
