import { simulatorContext } from "@/test/payments";
import { payOrder } from "@/lib/services/pay-order";
import { cardBuyer } from "@/test/payments";
import { expect, newMerchant, test } from "./fixtures";
import { ENDPOINTS, LISTS, type Ids } from "./isolation-endpoints";

// Merchant B's key must get 404 resource_missing on every one of merchant A's objects, on every endpoint
// (isolation-endpoints.ts), and the same in the other mode of A's own account; no list names them.
test("another merchant's key, or the other mode, never sees or changes a payment link, an order, a refund, an event or a webhook endpoint", async ({ api, database, playwright, baseURL }) => {
  const link = await (await api.post("/api/v1/payment_links", { data: { item_name: "Secret", amount: 100, currency: "USD", default_country: "US" } })).json();
  // A paid, settled order with a pending refund: every order and refund endpoint has something to act on.
  const order = await (await api.post("/api/v1/orders", { data: { item_name: "Secret order", amount: 1000, currency: "USD" } })).json();
  const paymentContext = simulatorContext(database.db, { bankTransferSeconds: 0, refundSeconds: 1 }, baseURL!);
  expect((await payOrder(database.db, paymentContext, new URL(order.url).pathname.split("/").pop()!, cardBuyer())).kind).toBe("paid");
  expect((await (await api.post("/api/v1/test_helpers/settle")).json()).settled).toBe(1);
  const refund = await (await api.post(`/api/v1/orders/${order.id}/refunds`, { data: { amount: 200 } })).json();
  // An endpoint for an event type nothing here records, so no delivery is attempted.
  const endpoint = await (await api.post("/api/v1/webhook_endpoints", { data: { url: "http://127.0.0.1:9/hooks", events: ["refund.failed"] } })).json();
  const message = await (await api.post(`/api/v1/payment_links/${link.id}/send`, { data: { channel: "email", to: `tenant-${Date.now()}@example.com` } })).json();
  const event = (await (await api.get("/api/v1/events?limit=1")).json()).data[0];
  const ids: Ids = { link: link.id, order: order.id, refund: refund.id, event: event.id, endpoint: endpoint.id, message: message.id };
  const intruder = await newMerchant(database, "intruder");

  for (const headers of [intruder.headers, { authorization: `Bearer ${intruder.liveKey}` }]) {
    const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
    for (const endpoint of ENDPOINTS) {
      const response = await other.fetch(endpoint.path(ids), { method: endpoint.method, data: endpoint.data });
      expect(response.status(), `${endpoint.method} ${endpoint.path(ids)}`).toBe(404);
      expect((await response.json()).error.code).toBe("resource_missing");
    }
    for (const path of LISTS.filter((p) => !p.endsWith("/merchants"))) {
      const list = await (await other.get(path)).json();
      expect(JSON.stringify(list.data), path).not.toMatch(new RegExp(Object.values(ids).join("|")));
    }
    const search = await (await other.get(`/api/v1/payment_links?q=${link.id}`)).json();
    expect(search.data).toEqual([]);
    await other.dispose();
  }

  // Nothing changed for the owner.
  expect(await (await api.get(`/api/v1/payment_links/${link.id}`)).json()).toMatchObject({ active: true });
  expect(await (await api.get(`/api/v1/orders/${order.id}`)).json()).toMatchObject({ allowed_refund: true, refundable_amount: 800 });
  expect((await (await api.get(`/api/v1/orders/${order.id}/refunds`)).json()).data.map((r: { id: string }) => r.id)).toEqual([refund.id]);
  expect(await (await api.get(`/api/v1/webhook_endpoints/${endpoint.id}`)).json()).toEqual({ ...endpoint, secret: undefined });
});

test("the same merchant's live key does not see test-mode links", async ({ api, merchant, playwright, baseURL }) => {
  const link = await (await api.post("/api/v1/payment_links", { data: { item_name: "Test only", amount: 100, currency: "USD", default_country: "US" } })).json();
  const live = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${merchant.liveKey}` } });
  expect((await live.get(`/api/v1/payment_links/${link.id}`)).status()).toBe(404);
  const created = await (await live.post("/api/v1/payment_links", { data: { item_name: "Live one", amount: 100, currency: "USD", default_country: "US" } })).json();
  expect(created.livemode).toBe(true);
  expect((await api.get(`/api/v1/payment_links/${created.id}`)).status()).toBe(404);
  await live.dispose();
});
