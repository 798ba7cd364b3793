import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { apiRateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";

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
