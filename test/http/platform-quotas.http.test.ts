import { describe, expect, test } from "vitest";
import { createApiKey } from "@/lib/services/create-api-key";
import { enablePlatform } from "@/lib/services/enable-platform";
import { newMerchantScope } from "@/test/payments";
import { startApp } from "./app";

// What a platform may not multiply by creating merchants, over the wire: POST /api/v1/merchants stops at
// CONNECTED_MERCHANTS_MAX_PER_HOUR per platform and mode, and sends made acting for connected merchants
// (`Paylink-Merchant`) count against the platform's SEND_MAX_PER_HOUR as well as the merchant's. Low limits, so
// they are reached.

const CONNECTED_MAX = 3;
const SEND_MAX = 3;
const app = await startApp({ CONNECTED_MERCHANTS_MAX_PER_HOUR: String(CONNECTED_MAX), SEND_MAX_PER_HOUR: String(SEND_MAX) });
const db = app.database.db;
const SHOP = { name: "Harbour Street Bakery", country: "SE", default_currency: "SEK" };

async function call(path: string, key: string, json?: unknown, headers: Record<string, string> = {}) {
  const answer = await app.client().send(path, { method: json === undefined ? "GET" : "POST", json, headers: { authorization: `Bearer ${key}`, ...headers } });
  return { status: answer.status, headers: answer.headers, json: JSON.parse(answer.body) as Record<string, unknown> };
}

async function newPlatform() {
  const scope = await newMerchantScope(db);
  await enablePlatform(db, { merchantId: scope.merchantId, by: "operator" });
  return { key: (await createApiKey(db, scope)).secret, liveKey: (await createApiKey(db, { ...scope, livemode: true })).secret };
}

describe("POST /api/v1/merchants", () => {
  test(`creates ${CONNECTED_MAX} per platform and mode within the hour, then 429 rate_limited with Retry-After`, async () => {
    const platform = await newPlatform();
    for (let i = 0; i < CONNECTED_MAX; i++) expect((await call("/api/v1/merchants", platform.key, SHOP)).status).toBe(201);
    const refused = await call("/api/v1/merchants", platform.key, SHOP, { "idempotency-key": "one-more-merchant" });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: "rate_limited" } });
    expect((refused.json.error as { message: string }).message).toContain("CONNECTED_MERCHANTS_MAX_PER_HOUR");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3_500);
    // Nothing was made, and the list says so.
    expect(((await call("/api/v1/merchants?limit=100", platform.key)).json.data as unknown[]).length).toBe(CONNECTED_MAX);
    // Live mode is another allowance; another platform's is its own.
    expect((await call("/api/v1/merchants", platform.liveKey, SHOP)).status).toBe(201);
    expect((await call("/api/v1/merchants", (await newPlatform()).key, SHOP)).status).toBe(201);
  });
});

describe("sends acting for connected merchants", () => {
  test("count against the platform's allowance: its merchants together send no more than it may", async () => {
    const platform = await newPlatform();
    const merchants: string[] = [];
    for (let i = 0; i < 2; i++) merchants.push(String((await call("/api/v1/merchants", platform.key, SHOP)).json.id));
    const sendAs = async (acting: string) => {
      const link = await call("/api/v1/payment_links", platform.key, { item_name: "Sourdough", amount: 650, currency: "SEK", default_country: "SE" }, { "paylink-merchant": acting });
      expect(link.status).toBe(201);
      return call(`/api/v1/payment_links/${String(link.json.id)}/send`, platform.key, { channel: "email", to: "buyer@example.com" }, { "paylink-merchant": acting });
    };
    expect((await sendAs(merchants[0]!)).status).toBe(201);
    expect((await sendAs(merchants[0]!)).status).toBe(201);
    expect((await sendAs(merchants[1]!)).status).toBe(201);
    // Each merchant has sent fewer than SEND_MAX; the platform, acting for both, has sent SEND_MAX.
    const refused = await sendAs(merchants[1]!);
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: "rate_limited" } });
    expect((refused.json.error as { message: string }).message).toMatch(/^Your platform has sent 3 links and orders in the last hour/);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });
});
