import { expect, newMerchant, test } from "./fixtures";

// Merchant B's key must get 404 resource_missing on every one of merchant A's objects, on every endpoint,
// and the same in the other mode of A's own account. Add new endpoints to ENDPOINTS as they appear.
const ENDPOINTS: { method: "GET" | "PATCH" | "POST"; path: (id: string) => string; data?: unknown }[] = [
  { method: "GET", path: (id) => `/api/v1/payment_links/${id}` },
  { method: "PATCH", path: (id) => `/api/v1/payment_links/${id}`, data: { active: false } },
];

test("another merchant's key, or the other mode, never sees or changes a payment link", async ({ api, database, playwright, baseURL }) => {
  const link = await (await api.post("/api/v1/payment_links", { data: { item_name: "Secret", amount: 100, currency: "USD", default_country: "US" } })).json();
  const intruder = await newMerchant(database, "intruder");

  for (const headers of [intruder.headers, { authorization: `Bearer ${intruder.liveKey}` }]) {
    const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
    for (const endpoint of ENDPOINTS) {
      const response = await other.fetch(endpoint.path(link.id), { method: endpoint.method, data: endpoint.data });
      expect(response.status(), `${endpoint.method} ${endpoint.path(link.id)}`).toBe(404);
      expect((await response.json()).error.code).toBe("resource_missing");
    }
    const list = await (await other.get("/api/v1/payment_links")).json();
    expect(list.data).toEqual([]);
    const search = await (await other.get(`/api/v1/payment_links?q=${link.id}`)).json();
    expect(search.data).toEqual([]);
    await other.dispose();
  }

  // Nothing changed for the owner.
  expect(await (await api.get(`/api/v1/payment_links/${link.id}`)).json()).toMatchObject({ active: true });
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
