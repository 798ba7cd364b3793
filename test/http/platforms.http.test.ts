import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { paymentLinks } from "@/db/schema";
import { createApiKey } from "@/lib/services/create-api-key";
import { enablePlatform } from "@/lib/services/enable-platform";
import { newMerchantScope } from "@/test/payments";
import { startApp } from "./app";
import type { HttpAnswer } from "./client";

// Paylink-Merchant over the wire, through the real request pipeline (API.md, "Platforms acting for their
// merchants"): a platform's key creates a connected merchant, then acts as it — what it creates is that
// merchant's, its Idempotency-Key and rate limit are that merchant's — and everything not its own is refused
// as the contract says. A low rate limit, so the per-merchant counting shows.

const RATE_LIMIT = 5;
const app = await startApp({ API_RATE_LIMIT_PER_SECOND: String(RATE_LIMIT) });
const db = app.database.db;
const LINK = { item_name: "Sourdough", amount: 650, currency: "SEK", default_country: "SE" };
const SHOP = { name: "Harbour Street Bakery", country: "SE", default_currency: "SEK" };

interface Call {
  key: string;
  acting?: string;
  method?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/** One API request as a client sends it. */
function send(path: string, { key, acting, method, json, headers = {} }: Call): Promise<HttpAnswer> {
  return app.client().send(path, {
    method: method ?? (json === undefined ? "GET" : "POST"),
    json,
    headers: { authorization: `Bearer ${key}`, ...(acting === undefined ? {} : { "paylink-merchant": acting }), ...headers },
  });
}

/** The same, waiting out the (low) rate limit: for tests about something else. */
async function call(path: string, options: Call): Promise<{ status: number; json: Record<string, unknown>; headers: HttpAnswer["headers"] }> {
  for (let attempt = 0; ; attempt++) {
    const answer = await send(path, options);
    if (answer.status !== 429 || attempt === 5) return { status: answer.status, json: JSON.parse(answer.body), headers: answer.headers };
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }
}

/** A platform with a test and a live key, and connected merchants created over the API with them. */
async function newPlatform() {
  const scope = await newMerchantScope(db);
  await enablePlatform(db, { merchantId: scope.merchantId, by: "operator" });
  const key = (await createApiKey(db, scope)).secret;
  const liveKey = (await createApiKey(db, { ...scope, livemode: true })).secret;
  const connect = async (live = false) => {
    const created = await call("/api/v1/merchants", { key: live ? liveKey : key, json: SHOP });
    expect(created.status).toBe(201);
    return created.json.id as string;
  };
  return { merchantId: scope.merchantId, key, liveKey, connect };
}

async function linkOwner(id: string): Promise<string | undefined> {
  const [row] = await db.select({ merchantId: paymentLinks.merchantId }).from(paymentLinks).where(eq(paymentLinks.id, id));
  return row?.merchantId;
}

describe("connected merchants over /api/v1/merchants", () => {
  test("a platform's key creates one (201, the contract's object), lists it, reads and edits it", async () => {
    const platform = await newPlatform();
    const created = await call("/api/v1/merchants", { key: platform.key, json: { ...SHOP, email: "owner@harbour.example", metadata: { account: "4711" } } });
    expect(created).toMatchObject({ status: 201 });
    expect(created.json).toEqual({
      id: expect.stringMatching(/^mch_/),
      object: "merchant",
      ...SHOP,
      email: "owner@harbour.example",
      platform: platform.merchantId,
      livemode: false,
      created_at: expect.any(String),
      metadata: { account: "4711" },
    });
    const id = created.json.id as string;
    expect((await call("/api/v1/merchants", { key: platform.key })).json).toMatchObject({ object: "list", data: [created.json], has_more: false });
    expect((await call(`/api/v1/merchants/${id}`, { key: platform.key })).json).toEqual(created.json);
    const patched = await call(`/api/v1/merchants/${id}`, { key: platform.key, method: "PATCH", json: { name: "Harbour Café", metadata: { account: "" } } });
    expect(patched).toMatchObject({ status: 200, json: { ...created.json, name: "Harbour Café", metadata: {} } });
  });

  test("with Paylink-Merchant (a connected merchant acting), and with a key that is not a platform's, they answer 403", async () => {
    const platform = await newPlatform();
    const connected = await platform.connect();
    const plain = await newMerchantScope(db);
    const plainKey = (await createApiKey(db, plain)).secret;
    for (const call_ of [{ key: platform.key, acting: connected }, { key: plainKey }]) {
      for (const [path, method, json] of [
        ["/api/v1/merchants", "POST", SHOP],
        ["/api/v1/merchants", "GET", undefined],
        [`/api/v1/merchants/${connected}`, "GET", undefined],
        [`/api/v1/merchants/${connected}`, "PATCH", { name: "Taken" }],
      ] as const) {
        const answer = await call(path, { ...call_, method, json });
        expect(answer, `${method} ${path}`).toMatchObject({ status: 403, json: { error: { type: "invalid_request_error", code: "forbidden" } } });
      }
    }
  });
});

describe("Paylink-Merchant on any route", () => {
  test("a link created acting for a connected merchant is that merchant's: its own key sees it, the platform's without the header does not", async () => {
    const platform = await newPlatform();
    const connected = await platform.connect();
    const created = await call("/api/v1/payment_links", { key: platform.key, acting: connected, json: LINK });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(await linkOwner(id)).toBe(connected);

    expect((await call(`/api/v1/payment_links/${id}`, { key: platform.key, acting: connected })).status).toBe(200);
    const ownKey = (await createApiKey(db, { merchantId: connected, livemode: false })).secret;
    expect((await call(`/api/v1/payment_links/${id}`, { key: ownKey })).json).toEqual((await call(`/api/v1/payment_links/${id}`, { key: platform.key, acting: connected })).json);
    // Without the header the platform is itself, and this is not its link.
    expect((await call(`/api/v1/payment_links/${id}`, { key: platform.key })).status).toBe(404);
    expect((await call("/api/v1/payment_links", { key: platform.key })).json).toMatchObject({ data: [] });
    // Naming itself, the platform is itself too.
    const own = await call("/api/v1/payment_links", { key: platform.key, acting: platform.merchantId, json: LINK });
    expect(await linkOwner(own.json.id as string)).toBe(platform.merchantId);
  });

  test("an Idempotency-Key is the acting merchant's: the same key for two merchants makes two links, a retry for one replays it", async () => {
    const platform = await newPlatform();
    const [first, second] = [await platform.connect(), await platform.connect()];
    const headers = { "idempotency-key": "order-sync-42" };
    const a = await call("/api/v1/payment_links", { key: platform.key, acting: first, json: LINK, headers });
    const b = await call("/api/v1/payment_links", { key: platform.key, acting: second, json: LINK, headers });
    const self = await call("/api/v1/payment_links", { key: platform.key, json: LINK, headers });
    expect([a.status, b.status, self.status]).toEqual([201, 201, 201]);
    expect(new Set([a.json.id, b.json.id, self.json.id]).size).toBe(3);
    expect([await linkOwner(a.json.id as string), await linkOwner(b.json.id as string), await linkOwner(self.json.id as string)]).toEqual([first, second, platform.merchantId]);
    for (const header of [a.headers, b.headers, self.headers]) expect(header["idempotent-replayed"]).toBeUndefined();

    const again = await call("/api/v1/payment_links", { key: platform.key, acting: second, json: LINK, headers });
    expect(again).toMatchObject({ status: 201, json: b.json, headers: { "idempotent-replayed": "true" } });
  });

  test("the rate limit counts per acting merchant: one merchant's burst does not hold up another's requests on the same key", async () => {
    const platform = await newPlatform();
    const connected = await platform.connect();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // The window is a second: look for a moment where the platform's own budget is spent both before and after
    // the connected merchant's request — then that request was counted apart. A slow machine may need a retry.
    for (let attempt = 0; attempt < 5; attempt++) {
      const burst = await Promise.all(Array.from({ length: RATE_LIMIT + 3 }, () => send("/api/v1/payment_links", { key: platform.key })));
      const statuses = burst.map((answer) => answer.status);
      expect(statuses.filter((s) => s !== 200 && s !== 429), statuses.join()).toEqual([]);
      if (!statuses.includes(429)) continue;
      const acting = await send("/api/v1/payment_links", { key: platform.key, acting: connected });
      const after = await send("/api/v1/payment_links", { key: platform.key });
      if (after.status !== 429) {
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        continue;
      }
      expect(acting.status, acting.body).toBe(200);
      const refused = burst.find((answer) => answer.status === 429)!;
      expect(JSON.parse(refused.body)).toMatchObject({ error: { type: "rate_limit_error", code: "rate_limited" } });
      expect(refused.headers["retry-after"]).toBeDefined();
      return;
    }
    expect.fail("never saw the platform's own budget spent around the connected merchant's request");
  });

  test("a refused header still counts against the key: junk Paylink-Merchant headers are no way around the limit", async () => {
    const scope = await newMerchantScope(db);
    const key = (await createApiKey(db, scope)).secret;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const burst = await Promise.all(Array.from({ length: RATE_LIMIT * 3 }, (_, i) => send("/api/v1/payment_links", { key, acting: `mch_junk${i}` })));
    const statuses = new Set(burst.map((answer) => answer.status));
    expect([...statuses].sort()).toEqual([403, 429]);
  });

  test("403 forbidden for a key whose business is not a platform, whatever it names", async () => {
    const platform = await newPlatform();
    const connected = await platform.connect();
    const plain = await newMerchantScope(db);
    const plainKey = (await createApiKey(db, plain)).secret;
    for (const acting of [connected, plain.merchantId, "mch_doesnotexist", "garbage"]) {
      const answer = await call("/api/v1/payment_links", { key: plainKey, acting, json: LINK });
      expect(answer, acting).toMatchObject({ status: 403, json: { error: { type: "invalid_request_error", code: "forbidden", param: null } } });
    }
    expect((await call("/api/v1/payment_links", { key: plainKey })).json).toMatchObject({ data: [] });
  });

  test("404 resource_missing for another platform's merchant, one of the other mode, and an unknown id — alike, and nothing is made", async () => {
    const platform = await newPlatform();
    const other = await newPlatform();
    const theirs = await other.connect();
    const live = await platform.connect(true);
    const mine = await platform.connect();
    const cases: [string, string][] = [
      [platform.key, theirs],
      [platform.key, live],
      [platform.liveKey, mine],
      [platform.key, "mch_doesnotexist"],
      [platform.key, `${mine}x`],
    ];
    for (const [key, acting] of cases) {
      const answer = await call("/api/v1/payment_links", { key, acting, json: LINK });
      expect(answer, acting).toMatchObject({
        status: 404,
        json: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such connected merchant: '${acting}'.` } },
      });
      expect((await call(`/api/v1/merchants/${acting}`, { key })).status).toBe(404);
    }
    for (const merchantId of [theirs, live, mine]) {
      expect(await db.select().from(paymentLinks).where(eq(paymentLinks.merchantId, merchantId))).toEqual([]);
    }
    // The live key acts for the live merchant.
    expect((await call("/api/v1/payment_links", { key: platform.liveKey, acting: live })).status).toBe(200);
  });
});
