import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { getEnv } from "@/lib/core/env";
import { apiRateLimits } from "@/db/schema";
import { throttleKey } from "./client-address";
import { RateLimitedError } from "./errors";

// Hot-path counters (every API request, every checkout post), in the UNLOGGED api_rate_limits table so a
// count never waits for a disk flush (see db/schema/rate-limits.ts). One limiter per kind and process, kept
// on globalThis: Next.js may load this module more than once.

type Limiters = Map<string, { db: Db; limiter: RateLimiterDrizzle }>;
const holder = globalThis as typeof globalThis & { __paylinkLimiters?: Limiters };

function limiterFor(db: Db, keyPrefix: string, points: number, duration: number): RateLimiterDrizzle {
  const limiters = (holder.__paylinkLimiters ??= new Map());
  const name = `${keyPrefix}:${points}/${duration}`;
  const cached = limiters.get(name);
  if (cached && cached.db === db) return cached.limiter;
  const limiter = new RateLimiterDrizzle({ storeClient: db, schema: apiRateLimits, keyPrefix, points, duration, clearExpiredByTimeout: false });
  limiters.set(name, { db, limiter });
  return limiter;
}

/** Takes one point; answers the milliseconds to wait when there was none left, else 0. */
async function consume(limiter: RateLimiterDrizzle, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    throw rejection;
  }
}

/**
 * Counts one request against the key's per-second budget, in the database so every app instance shares it.
 * Throws `rate_limited` carrying the seconds to wait.
 */
export async function consumeApiRateLimit(db: Db, apiKeyId: string, perSecond: number): Promise<void> {
  if (perSecond <= 0) return;
  const waitMs = await consume(limiterFor(db, "api", perSecond, 1), apiKeyId);
  if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
}

/**
 * Counts one checkout form post against the client address's allowance for this link or order (its token):
 * one client cannot keep a link busy or try card after card. A crash forgets these counters, which only
 * forgives a few posts. Answers the milliseconds to wait, or 0.
 */
export function consumeCheckoutSubmission(db: Db, address: string, token: string, limits: { max: number; windowSeconds: number }): Promise<number> {
  return consume(limiterFor(db, "checkout", limits.max, limits.windowSeconds), `${throttleKey(address)}|${token}`);
}

/**
 * Counts one link or order sent to a buyer against the merchant's hourly allowance in this mode (receipts
 * are not counted: a payment causes them). Throws `rate_limited` carrying the seconds to wait.
 */
export async function consumeBuyerSend(db: Db, scope: { merchantId: string; livemode: boolean }, perHour: number): Promise<void> {
  const waitMs = await consume(limiterFor(db, "send", perHour, 3600), `${scope.merchantId}|${scope.livemode ? "live" : "test"}`);
  if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000), `This business has sent ${perHour} links and orders in the last hour, the most allowed (SEND_MAX_PER_HOUR). Retry after the time in Retry-After.`);
}

/** The send routes' quota, taken before their Idempotency-Key (apiRoute's `beforeKey`). */
export function sendQuota(db: Db, scope: { merchantId: string; livemode: boolean }): Promise<void> {
  return consumeBuyerSend(db, scope, getEnv().SEND_MAX_PER_HOUR);
}

/** One request of the Onerway-compatible `add` or `list` against the merchant's per-second allowance in its mode; the ms to wait, or 0. */
export function consumeOnerwayRequest(db: Db, scope: { merchantId: string; livemode: boolean }, perSecond: number): Promise<number> {
  return consume(limiterFor(db, "onerway", perSecond, 1), `${scope.merchantId}|${scope.livemode ? "live" : "test"}`);
}
