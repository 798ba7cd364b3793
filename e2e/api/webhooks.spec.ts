import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { startReceiver, waitFor } from "@/test/receiver";
import { expect, newMerchant, test } from "./fixtures";

// Webhook endpoints and events through the running app. Receivers are real local servers that verify every
// delivery with the standardwebhooks library; the e2e server allows private URLs and retries within seconds.

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  secret?: string;
  [field: string]: unknown;
}

interface Event {
  id: string;
  type: string;
  created_at: string;
  data: { object: { id: string; [field: string]: unknown } };
}

const link = { item_name: "Membership", amount: 9999, currency: "USD", default_country: "US" };

async function expectFailure(response: APIResponse, status: number, code: string, param: string | null = null) {
  expect(response.status(), await response.text()).toBe(status);
  expect(await response.json()).toEqual({ error: { type: expect.any(String), code, message: expect.any(String), param } });
}

async function createEndpoint(api: APIRequestContext, data: Record<string, unknown>): Promise<Endpoint> {
  const response = await api.post("/api/v1/webhook_endpoints", { data });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function createLink(api: APIRequestContext, itemName = link.item_name): Promise<string> {
  const response = await api.post("/api/v1/payment_links", { data: { ...link, item_name: itemName } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

async function listEvents(api: APIRequestContext, query = ""): Promise<{ data: Event[]; has_more: boolean }> {
  const response = await api.get(`/api/v1/events${query}`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

test.describe("webhook endpoints", () => {
  test("create answers the secret once; list and retrieve never show it; PATCH changes url, events, enabled and description", async ({ api }) => {
    const created = await createEndpoint(api, { url: "http://127.0.0.1:9/hooks", events: ["order.paid", "order.refunded"], description: "Fulfilment" });
    expect(created).toMatchObject({
      object: "webhook_endpoint",
      livemode: false,
      url: "http://127.0.0.1:9/hooks",
      events: ["order.paid", "order.refunded"],
      description: "Fulfilment",
      enabled: true,
      connect: false,
      disabled_reason: null,
      failing_since: null,
    });
    expect(created.id).toMatch(/^we_/);
    // `connect` is a platform's: this business is not one.
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { url: "http://127.0.0.1:9/hooks", events: ["*"], connect: true } }), 403, "forbidden", "connect");
    await expectFailure(await api.patch(`/api/v1/webhook_endpoints/${created.id}`, { data: { connect: true } }), 403, "forbidden", "connect");
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);

    const retrieved = await api.get(`/api/v1/webhook_endpoints/${created.id}`);
    expect(retrieved.status()).toBe(200);
    const { secret, ...withoutSecret } = created;
    expect(await retrieved.json()).toEqual(withoutSecret);
    const listed = await (await api.get("/api/v1/webhook_endpoints")).json();
    expect(listed).toMatchObject({ object: "list", url: "/api/v1/webhook_endpoints", has_more: false });
    expect(listed.data).toEqual([withoutSecret]);
    expect(JSON.stringify(listed)).not.toContain(secret!);

    const patched = await api.patch(`/api/v1/webhook_endpoints/${created.id}`, {
      data: { url: "http://127.0.0.1:10/other", events: ["*"], enabled: false, description: null },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    const updated = await patched.json();
    expect(updated).toMatchObject({ id: created.id, url: "http://127.0.0.1:10/other", events: ["*"], enabled: false, description: null });
    expect(updated).not.toHaveProperty("secret");
    expect(await (await api.patch(`/api/v1/webhook_endpoints/${created.id}`, { data: { enabled: true } })).json()).toMatchObject({ enabled: true });
  });

  test("refuses unknown fields, invalid events, a missing url and stray query parameters", async ({ api }) => {
    const valid = { url: "http://127.0.0.1:9/hooks", events: ["*"] };
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { ...valid, secret: "whsec_mine" } }), 400, "parameter_unknown", "secret");
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { ...valid, events: ["order.exploded"] } }), 400, "parameter_invalid", "events");
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { ...valid, events: [] } }), 400, "parameter_invalid", "events");
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { ...valid, events: "*" } }), 400, "parameter_invalid", "events");
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { ...valid, events: ["order.paid", "order.paid"] } }), 400, "parameter_invalid", "events");
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { events: ["*"] } }), 400, "parameter_missing", "url");
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { data: { ...valid, url: "not a url" } }), 400, "parameter_invalid", "url");

    const endpoint = await createEndpoint(api, valid);
    const path = `/api/v1/webhook_endpoints/${endpoint.id}`;
    await expectFailure(await api.patch(path, { data: { enabeld: false } }), 400, "parameter_unknown", "enabeld");
    await expectFailure(await api.patch(path, { data: { events: ["order.paid", "*"] } }), 400, "parameter_invalid", "events");
    await expectFailure(await api.patch(path, { data: { enabled: "no" } }), 400, "parameter_invalid", "enabled");
    await expectFailure(await api.get(`${path}?expand=secret`), 400, "parameter_unknown", "expand");
    await expectFailure(await api.get("/api/v1/webhook_endpoints?limit=0"), 400, "parameter_invalid", "limit");
    await expectFailure(await api.post(`${path}/rotate_secret`, { data: { secret: "whsec_mine" } }), 400, "parameter_unknown", "secret");
    // Nothing was changed by the refused requests.
    expect(await (await api.get(path)).json()).toMatchObject({ events: ["*"], enabled: true });
  });

  test("live mode requires https: an http URL is refused with param url", async ({ api, merchant, playwright, baseURL }) => {
    const live = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${merchant.liveKey}` } });
    try {
      await expectFailure(await live.post("/api/v1/webhook_endpoints", { data: { url: "http://203.0.113.10/hooks", events: ["*"] } }), 400, "parameter_invalid", "url");
      const created = await createEndpoint(live, { url: "https://127.0.0.1:9/hooks", events: ["order.paid"] });
      expect(created.livemode).toBe(true);
      await expectFailure(await live.patch(`/api/v1/webhook_endpoints/${created.id}`, { data: { url: "http://127.0.0.1:9/hooks" } }), 400, "parameter_invalid", "url");
      // Test mode does not see the live endpoint.
      await expectFailure(await api.get(`/api/v1/webhook_endpoints/${created.id}`), 404, "resource_missing", "id");
    } finally {
      await live.dispose();
    }
  });

  test("an Idempotency-Key replays the creation instead of making a second endpoint", async ({ api }) => {
    const key = randomUUID();
    const data = { url: "http://127.0.0.1:9/hooks", events: ["*"] };
    const first = await api.post("/api/v1/webhook_endpoints", { data, headers: { "idempotency-key": key } });
    const again = await api.post("/api/v1/webhook_endpoints", { data, headers: { "idempotency-key": key } });
    expect(first.status()).toBe(201);
    expect(again.status()).toBe(201);
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect(await again.text()).toBe(await first.text());
    expect((await (await api.get("/api/v1/webhook_endpoints")).json()).data).toHaveLength(1);
  });

  test("deliveries verify with the secret; after rotate_secret with both the old and the new one", async ({ api }) => {
    let secrets: string[] = [];
    const receiver = await startReceiver(() => secrets);
    try {
      const endpoint = await createEndpoint(api, { url: receiver.url, events: ["payment_link.created"] });
      secrets = [endpoint.secret!];
      const first = await createLink(api, "Before rotation");
      await waitFor(() => receiver.received.length >= 1, 15_000, "the first delivery");
      expect(receiver.received[0]!.error).toBeNull();
      expect(receiver.received[0]!.verified).toMatchObject({ type: "payment_link.created", data: { object: { id: first } } });

      const rotation = await api.post(`/api/v1/webhook_endpoints/${endpoint.id}/rotate_secret`);
      expect(rotation.status(), await rotation.text()).toBe(200);
      const rotated = await rotation.json();
      expect(rotated).toMatchObject({ id: endpoint.id, object: "webhook_endpoint" });
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(endpoint.secret);
      expect(await (await api.get(`/api/v1/webhook_endpoints/${endpoint.id}`)).json()).not.toHaveProperty("secret");

      // The receiver checks the delivery against each secret on its own: both must verify.
      secrets = [endpoint.secret!, rotated.secret];
      await createLink(api, "After rotation");
      await waitFor(() => receiver.received.length >= 2, 15_000, "the delivery after rotation");
      expect(receiver.received[1]!.error).toBeNull();
      expect(String(receiver.received[1]!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  test("resend delivers an event again, even one the endpoint does not subscribe to", async ({ api }) => {
    let secret = "";
    const receiver = await startReceiver(() => secret);
    try {
      const endpoint = await createEndpoint(api, { url: receiver.url, events: ["payment_link.created"] });
      secret = endpoint.secret!;
      const linkId = await createLink(api);
      await waitFor(() => receiver.received.length >= 1, 15_000, "the first delivery");
      const patched = await api.patch(`/api/v1/payment_links/${linkId}`, { data: { active: false } });
      expect(patched.status()).toBe(200);
      const [updated, created] = (await listEvents(api)).data;
      expect([updated!.type, created!.type]).toEqual(["payment_link.updated", "payment_link.created"]);

      const resend = await api.post(`/api/v1/webhook_endpoints/${endpoint.id}/resend`, { data: { event: created!.id } });
      expect(resend.status(), await resend.text()).toBe(200);
      const message = await resend.json();
      expect(message).toEqual({ id: expect.stringMatching(/^whm_/), object: "webhook_message", event: created!.id, webhook_endpoint: endpoint.id, status: "pending" });
      await waitFor(() => receiver.received.length >= 2, 15_000, "the resend");
      const again = receiver.received[1]!;
      expect(again.error).toBeNull();
      expect(again.headers["webhook-id"]).toBe(created!.id);
      expect(again.body).toBe(receiver.received[0]!.body);

      // Not subscribed to payment_link.updated, but a resend sends what it is asked to.
      expect((await api.post(`/api/v1/webhook_endpoints/${endpoint.id}/resend`, { data: { event: updated!.id } })).status()).toBe(200);
      await waitFor(() => receiver.received.length >= 3, 15_000, "the resent update");
      expect(receiver.received[2]!.verified).toMatchObject({ id: updated!.id, type: "payment_link.updated" });
      expect(receiver.received.every((r) => r.error === null)).toBe(true);

      await expectFailure(await api.post(`/api/v1/webhook_endpoints/${endpoint.id}/resend`, { data: {} }), 400, "parameter_missing", "event");
      await expectFailure(await api.post(`/api/v1/webhook_endpoints/${endpoint.id}/resend`, { data: { event: "ord_123" } }), 400, "parameter_invalid", "event");
      await expectFailure(await api.post(`/api/v1/webhook_endpoints/${endpoint.id}/resend`, { data: { event: "evt_unknown" } }), 404, "resource_missing", "event");
    } finally {
      await receiver.close();
    }
  });

  test("resending another merchant's event to your own endpoint answers 404", async ({ api, database, playwright, baseURL }) => {
    await createLink(api);
    const [event] = (await listEvents(api)).data;
    const intruder = await newMerchant(database, "intruder");
    const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: intruder.headers });
    try {
      const own = await createEndpoint(other, { url: "http://127.0.0.1:9/hooks", events: ["*"] });
      await expectFailure(await other.post(`/api/v1/webhook_endpoints/${own.id}/resend`, { data: { event: event!.id } }), 404, "resource_missing", "event");
      expect((await listEvents(other)).data).toEqual([]);
      expect((await (await other.get("/api/v1/webhook_endpoints")).json()).data.map((e: Endpoint) => e.id)).toEqual([own.id]);
    } finally {
      await other.dispose();
    }
  });

  test("connect: a platform's key sets it for its own endpoints; acting for a connected merchant it answers 403", async ({ api, merchant, database }) => {
    await database.db.update(merchants).set({ platform: true }).where(eq(merchants.id, merchant.merchantId));
    const connected = newId("merchant");
    await database.db.insert(merchants).values({ id: connected, name: "Connected", country: "US", defaultCurrency: "USD", platformId: merchant.merchantId, connectedLivemode: false });
    const own = await createEndpoint(api, { url: "http://127.0.0.1:9/hooks", events: ["*"], connect: true });
    expect(own.connect).toBe(true);
    const acting = { headers: { "paylink-merchant": connected } };
    await expectFailure(await api.post("/api/v1/webhook_endpoints", { ...acting, data: { url: "http://127.0.0.1:9/hooks", events: ["*"], connect: true } }), 403, "forbidden", "connect");
    const theirs = await api.post("/api/v1/webhook_endpoints", { ...acting, data: { url: "http://127.0.0.1:9/hooks", events: ["*"] } });
    expect(theirs.status(), await theirs.text()).toBe(201);
    const theirsId = (await theirs.json()).id;
    await expectFailure(await api.patch(`/api/v1/webhook_endpoints/${theirsId}`, { ...acting, data: { connect: true } }), 403, "forbidden", "connect");
    // Each sees only its own endpoints: the platform's connect endpoint is not the connected merchant's.
    expect((await (await api.get("/api/v1/webhook_endpoints", acting)).json()).data.map((e: Endpoint) => e.id)).toEqual([theirsId]);
    expect((await (await api.get("/api/v1/webhook_endpoints")).json()).data.map((e: Endpoint) => e.id)).toEqual([own.id]);
  });

  test("DELETE removes the endpoint: then GET, PATCH and DELETE answer 404", async ({ api }) => {
    const endpoint = await createEndpoint(api, { url: "http://127.0.0.1:9/hooks", events: ["*"] });
    const path = `/api/v1/webhook_endpoints/${endpoint.id}`;
    const deleted = await api.delete(path);
    expect(deleted.status(), await deleted.text()).toBe(200);
    expect(await deleted.json()).toEqual({ id: endpoint.id, object: "webhook_endpoint", deleted: true });
    await expectFailure(await api.get(path), 404, "resource_missing", "id");
    await expectFailure(await api.patch(path, { data: { enabled: false } }), 404, "resource_missing", "id");
    await expectFailure(await api.delete(path), 404, "resource_missing", "id");
    expect((await (await api.get("/api/v1/webhook_endpoints")).json()).data).toEqual([]);
  });
});

test.describe("events", () => {
  test("list newest first, filter by type, page with a cursor, retrieve one", async ({ api, merchant }) => {
    const first = await createLink(api, "First");
    const second = await createLink(api, "Second");
    const third = await createLink(api, "Third");
    expect((await api.patch(`/api/v1/payment_links/${first}`, { data: { active: false } })).status()).toBe(200);

    const all = await listEvents(api);
    expect(all.has_more).toBe(false);
    expect(all.data.map((e) => [e.type, e.data.object.id])).toEqual([
      ["payment_link.updated", first],
      ["payment_link.created", third],
      ["payment_link.created", second],
      ["payment_link.created", first],
    ]);
    for (const event of all.data) expect(event).toMatchObject({ id: expect.stringMatching(/^evt_/), object: "event", livemode: false, merchant: merchant.merchantId });
    const times = all.data.map((e) => Date.parse(e.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.data[0]!.data.object).toMatchObject({ object: "payment_link", active: false });

    const created = await listEvents(api, "?type=payment_link.created");
    expect(created.data.map((e) => e.data.object.id)).toEqual([third, second, first]);

    const page1 = await listEvents(api, "?limit=3");
    expect(page1.data.map((e) => e.id)).toEqual(all.data.slice(0, 3).map((e) => e.id));
    expect(page1.has_more).toBe(true);
    const page2 = await listEvents(api, `?limit=3&starting_after=${page1.data[2]!.id}`);
    expect(page2.data.map((e) => e.id)).toEqual([all.data[3]!.id]);
    expect(page2.has_more).toBe(false);

    const retrieved = await api.get(`/api/v1/events/${all.data[1]!.id}`);
    expect(retrieved.status()).toBe(200);
    expect(await retrieved.json()).toEqual(all.data[1]);
  });

  test("refuses an unknown type or parameter, and answers 404 for an unknown id or another merchant's event", async ({ api, database, playwright, baseURL }) => {
    await createLink(api);
    const [event] = (await listEvents(api)).data;
    await expectFailure(await api.get("/api/v1/events?type=order.exploded"), 400, "parameter_invalid", "type");
    await expectFailure(await api.get("/api/v1/events?limit=101"), 400, "parameter_invalid", "limit");
    await expectFailure(await api.get("/api/v1/events?object=plink_123"), 400, "parameter_unknown", "object");
    await expectFailure(await api.get(`/api/v1/events/${event!.id}?expand=data`), 400, "parameter_unknown", "expand");
    await expectFailure(await api.get("/api/v1/events/evt_doesnotexist"), 404, "resource_missing", "id");

    const intruder = await newMerchant(database, "intruder");
    for (const key of [intruder.key, intruder.liveKey]) {
      const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
      await expectFailure(await other.get(`/api/v1/events/${event!.id}`), 404, "resource_missing", "id");
      expect((await listEvents(other)).data).toEqual([]);
      await other.dispose();
    }
  });
});
