import { expect, test } from "vitest";
import { API_RATE_LIMIT_PREFIX, consumeApiRateLimit } from "@/lib/http/rate-limit";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { signUp } from "./sign-up";

const { db } = await openTestDatabase();

async function keyOf(tag: string) {
  const owner = await signUp(db, { email: uniqueEmail(tag), password: "a long enough password", businessName: tag, country: "US", currency: "USD" }, { verified: true });
  const key = await createApiKey(db, { merchantId: owner.merchantId, livemode: false }, { name: tag, createdBy: owner.userId });
  return { owner, key, header: `Bearer ${key.secret}` };
}

const count = (perSecond: number) => ({ prefix: API_RATE_LIMIT_PREFIX, perSecond });

test("finding a key counts the request on its budget in the same statement: the budget's next request waits", async () => {
  const { owner, key, header } = await keyOf("Counted");
  // Retried as a whole if the one-second window turns over midway (a busy machine).
  for (let attempt = 0; ; attempt++) {
    const started = Date.now();
    const principals = await Promise.all(Array.from({ length: 6 }, () => authenticateApiKey(db, header, count(5))));
    if (Date.now() - started > 600 && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      continue;
    }
    expect(principals.every((p) => p.apiKeyId === key.id && p.merchantId === owner.merchantId && p.livemode === false)).toBe(true);
    const waits = principals.map((p) => p.rateLimitWaitMs);
    expect(waits.filter((ms) => ms === 0)).toHaveLength(5);
    expect(waits.filter((ms) => ms > 0 && ms <= 1_000)).toHaveLength(1);
    break;
  }
});

test("the counter is the rate limiter's own row: requests counted either way share one budget", async () => {
  const { key, header } = await keyOf("Shared");
  await new Promise((resolve) => setTimeout(resolve, 1_100 - (Date.now() % 1_000)));
  for (let i = 0; i < 3; i++) await consumeApiRateLimit(db, key.id, 4);
  expect((await authenticateApiKey(db, header, count(4))).rateLimitWaitMs).toBe(0);
  expect((await authenticateApiKey(db, header, count(4))).rateLimitWaitMs).toBeGreaterThan(0);
  await expect(consumeApiRateLimit(db, key.id, 4)).rejects.toMatchObject({ code: "rate_limited" });
  // A new window starts once the last one has passed.
  await new Promise((resolve) => setTimeout(resolve, 1_050));
  expect((await authenticateApiKey(db, header, count(4))).rateLimitWaitMs).toBe(0);
});

test("a revoked or unknown key counts nothing and is refused alike", async () => {
  await expect(authenticateApiKey(db, `Bearer sk_test_${"x".repeat(32)}`, count(5))).rejects.toMatchObject({ code: "api_key_invalid" });
  const { header } = await keyOf("Without");
  // Not counting (an acting platform's request is counted per merchant later): never a wait.
  for (let i = 0; i < 3; i++) expect((await authenticateApiKey(db, header, count(0))).rateLimitWaitMs).toBe(0);
  expect((await authenticateApiKey(db, header)).rateLimitWaitMs).toBe(0);
});
