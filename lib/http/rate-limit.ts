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
 * The API limiter's prefix: rate-limiter-flexible keeps a key's counter at `${prefix}:${key}`, and
 * authenticateApiKey counts on that same row when it finds the key (one statement for both).
 */
export const API_RATE_LIMIT_PREFIX = "api";

/**
 * Counts one request against the key's per-second budget, in the database so every app instance shares it.
 * Throws `rate_limited` carrying the seconds to wait.
 */
export async function consumeApiRateLimit(db: Db, apiKeyId: string, perSecond: number): Promise<void> {
  if (perSecond <= 0) return;
  const waitMs = await consume(limiterFor(db, API_RATE_LIMIT_PREFIX, perSecond, 1), apiKeyId);
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

/** The limiter's key for a merchant in one mode: the allowances below are each per merchant and mode. */
function merchantModeKey(merchantId: string, livemode: boolean): string {
  return `${merchantId}|${livemode ? "live" : "test"}`;
}

/**
 * Counts one link or order sent to a buyer against the merchant's hourly allowance in this mode (receipts
 * are not counted: a payment causes them). Sent by a platform acting for a connected merchant
 * (`actingPlatformId`), it counts against the platform's allowance too: otherwise each merchant it creates
 * would be another SEND_MAX_PER_HOUR of mail and SMS for the one platform. Throws `rate_limited` carrying the
 * seconds to wait; a send the platform's allowance refuses gives the merchant back its point.
 */
export async function consumeBuyerSend(db: Db, scope: { merchantId: string; livemode: boolean; actingPlatformId?: string }, perHour: number): Promise<void> {
  const limiter = limiterFor(db, "send", perHour, 3600);
  const merchantKey = merchantModeKey(scope.merchantId, scope.livemode);
  const waitMs = await consume(limiter, merchantKey);
  if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000), `This business has sent ${perHour} links and orders in the last hour, the most allowed (SEND_MAX_PER_HOUR). Retry after the time in Retry-After.`);
  if (!scope.actingPlatformId) return;
  const platformWaitMs = await consume(limiter, merchantModeKey(scope.actingPlatformId, scope.livemode));
  if (platformWaitMs === 0) return;
  await limiter.reward(merchantKey, 1);
  throw new RateLimitedError(
    Math.ceil(platformWaitMs / 1000),
    `Your platform has sent ${perHour} links and orders in the last hour, for itself and the merchants it acts for together, the most allowed (SEND_MAX_PER_HOUR). Retry after the time in Retry-After.`,
  );
}

/** The send routes' quota, taken before their Idempotency-Key (apiRoute's `beforeKey`). */
export function sendQuota(db: Db, scope: { merchantId: string; livemode: boolean; actingPlatformId?: string }): Promise<void> {
  return consumeBuyerSend(db, scope, getEnv().SEND_MAX_PER_HOUR);
}

/**
 * Counts one connected merchant created by a platform against its hourly allowance in this mode: each new
 * merchant brings allowances of its own (sends, API requests), so creating them without end would multiply what
 * one platform may do. Throws `rate_limited` carrying the seconds to wait.
 */
export async function consumeConnectedMerchantCreation(db: Db, scope: { merchantId: string; livemode: boolean }, perHour: number): Promise<void> {
  const waitMs = await consume(limiterFor(db, "connected", perHour, 3600), merchantModeKey(scope.merchantId, scope.livemode));
  if (waitMs > 0) {
    throw new RateLimitedError(
      Math.ceil(waitMs / 1000),
      `This platform has created ${perHour} connected merchants in this mode in the last hour, the most allowed (CONNECTED_MERCHANTS_MAX_PER_HOUR). Retry after the time in Retry-After.`,
    );
  }
}

/**
 * `POST /api/v1/merchants`' quota, taken before its Idempotency-Key (apiRoute's `beforeKey`), so a refusal is
 * not stored as the key's answer and a retry after the wait creates the merchant.
 */
export function connectedMerchantQuota(db: Db, scope: { merchantId: string; livemode: boolean }): Promise<void> {
  return consumeConnectedMerchantCreation(db, scope, getEnv().CONNECTED_MERCHANTS_MAX_PER_HOUR);
}

/** One request of the Onerway-compatible `add` or `list` against the merchant's per-second allowance in its mode; the ms to wait, or 0. */
export function consumeOnerwayRequest(db: Db, scope: { merchantId: string; livemode: boolean }, perSecond: number): Promise<number> {
  return consume(limiterFor(db, "onerway", perSecond, 1), merchantModeKey(scope.merchantId, scope.livemode));
}
