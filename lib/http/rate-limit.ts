import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { apiRateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { throttleKey } from "./client-address";

const holder = globalThis as typeof globalThis & { __paylinkApiLimiter?: { db: Db; points: number; limiter: RateLimiterDrizzle } };

function limiterFor(db: Db, points: number): RateLimiterDrizzle {
  const cached = holder.__paylinkApiLimiter;
  if (cached && cached.db === db && cached.points === points) return cached.limiter;
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: apiRateLimits,
    keyPrefix: "api",
    points,
    duration: 1,
    clearExpiredByTimeout: false,
  });
  holder.__paylinkApiLimiter = { db, points, limiter };
  return limiter;
}

/**
 * Counts one request against the key's per-second budget, in the database so every app instance shares it.
 * Throws `rate_limited` carrying the seconds to wait.
 */
export async function consumeApiRateLimit(db: Db, apiKeyId: string, perSecond: number): Promise<void> {
  if (perSecond <= 0) return;
  try {
    await limiterFor(db, perSecond).consume(apiKeyId);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
    throw rejection;
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super("rate_limited", "Too many requests with this API key. Slow down and retry after the time in Retry-After.");
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const checkoutHolder = globalThis as typeof globalThis & { __paylinkCheckoutLimiter?: { db: Db; key: string; limiter: RateLimiterDrizzle } };

/**
 * Counts one checkout form post against the client address's allowance for this link or order (its token):
 * one client cannot keep a link busy or try card after card. Kept with the API counters (an unlogged table:
 * a crash forgets them, which only forgives a few posts). Answers the milliseconds to wait, or 0.
 */
export async function consumeCheckoutSubmission(db: Db, address: string, token: string, limits: { max: number; windowSeconds: number }): Promise<number> {
  const key = `${limits.max}/${limits.windowSeconds}`;
  let cached = checkoutHolder.__paylinkCheckoutLimiter;
  if (!cached || cached.db !== db || cached.key !== key) {
    const limiter = new RateLimiterDrizzle({ storeClient: db, schema: apiRateLimits, keyPrefix: "checkout", points: limits.max, duration: limits.windowSeconds, clearExpiredByTimeout: false });
    cached = checkoutHolder.__paylinkCheckoutLimiter = { db, key, limiter };
  }
  try {
    await cached.limiter.consume(`${throttleKey(address)}|${token}`);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    throw rejection;
  }
}
