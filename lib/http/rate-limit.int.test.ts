import { describe, expect, test } from "vitest";
import { createConnectedMerchant } from "@/lib/services/create-connected-merchant";
import { enablePlatform } from "@/lib/services/enable-platform";
import { openTestDatabase } from "@/test/db";
import { newMerchantScope } from "@/test/payments";
import { RateLimitedError } from "./errors";
import { consumeBuyerSend, consumeConnectedMerchantCreation } from "./rate-limit";

// The hourly allowances a platform could multiply by creating merchants, counted in PostgreSQL as every app
// instance counts them: connected merchants created per platform and mode, and buyer sends made while acting
// for a connected merchant, which count against the platform's allowance as well as the merchant's.

const { db } = await openTestDatabase();
const SHOP = { name: "Harbour Street Bakery", country: "SE", default_currency: "SEK" };

async function newPlatform() {
  const scope = await newMerchantScope(db);
  await enablePlatform(db, { merchantId: scope.merchantId, by: "operator" });
  return { ...scope, appUrl: "https://pay.example.com" };
}

/** Runs every call at once: how many passed, and what the refusals were. */
async function race(calls: (() => Promise<void>)[]) {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  return {
    passed: settled.filter((s) => s.status === "fulfilled").length,
    refused: settled.flatMap((s) => (s.status === "rejected" ? [s.reason as RateLimitedError] : [])),
  };
}

describe("connected merchants created per platform and mode (CONNECTED_MERCHANTS_MAX_PER_HOUR)", () => {
  test("at most the limit within the hour, also when more are asked for at once; then rate_limited with the wait", async () => {
    const platform = await newPlatform();
    const { passed, refused } = await race(Array.from({ length: 12 }, () => () => consumeConnectedMerchantCreation(db, platform, 8)));
    expect(passed).toBe(8);
    expect(refused).toHaveLength(4);
    for (const refusal of refused) {
      expect(refusal).toBeInstanceOf(RateLimitedError);
      expect(refusal).toMatchObject({ code: "rate_limited", status: 429 });
      expect(refusal.message).toContain("CONNECTED_MERCHANTS_MAX_PER_HOUR");
      expect(refusal.retryAfterSeconds).toBeGreaterThan(3_500);
      expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(3_600);
    }
  });

  test("the other mode and another platform have allowances of their own", async () => {
    const platform = await newPlatform();
    const other = await newPlatform();
    for (let i = 0; i < 3; i++) await consumeConnectedMerchantCreation(db, platform, 3);
    await expect(consumeConnectedMerchantCreation(db, platform, 3)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(consumeConnectedMerchantCreation(db, { ...platform, livemode: true }, 3)).resolves.toBeUndefined();
    await expect(consumeConnectedMerchantCreation(db, other, 3)).resolves.toBeUndefined();
  });
});

describe("buyer sends while acting for a connected merchant (SEND_MAX_PER_HOUR)", () => {
  test("count against the platform's allowance too: its merchants together cannot send more than it may", async () => {
    const platform = await newPlatform();
    const [first, second] = [await createConnectedMerchant(db, platform, SHOP), await createConnectedMerchant(db, platform, SHOP)];
    const acting = (id: string) => ({ merchantId: id, livemode: false, actingPlatformId: platform.merchantId });
    // The platform sends one of its own, then acts for both merchants: 4 in all, the limit.
    await consumeBuyerSend(db, platform, 4);
    await consumeBuyerSend(db, acting(first.id), 4);
    await consumeBuyerSend(db, acting(first.id), 4);
    await consumeBuyerSend(db, acting(second.id), 4);
    const refused = await consumeBuyerSend(db, acting(second.id), 4).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ code: "rate_limited", status: 429 });
    expect((refused as Error).message).toMatch(/^Your platform has sent 4 links and orders in the last hour, for itself and the merchants it acts for/);
    await expect(consumeBuyerSend(db, platform, 4)).rejects.toMatchObject({ code: "rate_limited" });
    // What the platform's allowance refused is given back to the merchant: it sent only one, and may send
    // three more without the platform (its own key, its own people).
    for (let i = 0; i < 3; i++) await consumeBuyerSend(db, { merchantId: second.id, livemode: false }, 4);
    await expect(consumeBuyerSend(db, { merchantId: second.id, livemode: false }, 4)).rejects.toMatchObject({ code: "rate_limited" });
    // Live mode is another allowance.
    await expect(consumeBuyerSend(db, { ...acting(first.id), livemode: true }, 4)).resolves.toBeUndefined();
  });

  test("a merchant's own allowance refuses first, and then the platform's is not charged", async () => {
    const platform = await newPlatform();
    const connected = await createConnectedMerchant(db, platform, SHOP);
    for (let i = 0; i < 2; i++) await consumeBuyerSend(db, { merchantId: connected.id, livemode: false }, 3);
    const acting = { merchantId: connected.id, livemode: false, actingPlatformId: platform.merchantId };
    await consumeBuyerSend(db, acting, 3);
    const refused = await consumeBuyerSend(db, acting, 3).catch((error: unknown) => error);
    expect((refused as Error).message).toMatch(/^This business has sent 3 links and orders/);
    // The platform was charged once (the accepted send), so two of its own remain.
    await consumeBuyerSend(db, platform, 3);
    await consumeBuyerSend(db, platform, 3);
    await expect(consumeBuyerSend(db, platform, 3)).rejects.toMatchObject({ code: "rate_limited" });
  });

  test("sends made at once never let the platform past its allowance", async () => {
    const platform = await newPlatform();
    const merchants = await Promise.all(Array.from({ length: 4 }, () => createConnectedMerchant(db, platform, SHOP)));
    const calls = merchants.flatMap((m) => Array.from({ length: 5 }, () => () => consumeBuyerSend(db, { merchantId: m.id, livemode: false, actingPlatformId: platform.merchantId }, 10)));
    const { passed, refused } = await race(calls);
    expect(passed).toBe(10);
    expect(refused.every((r) => r instanceof RateLimitedError)).toBe(true);
  });
});
