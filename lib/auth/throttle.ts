import { RateLimiterDrizzle } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export interface ThrottleOptions {
  /** Failures allowed per email and client address within the window. */
  maxFailures: number;
  windowSeconds: number;
}

/**
 * Sign-in throttling, shared by every app instance through the database. Two counters: one per email and
 * client address (stops guessing one account's password), and a ten times larger one per address (slows
 * spraying many accounts from one place) without letting anyone lock an owner out from everywhere.
 */
export function createSignInThrottle(db: Db, options: ThrottleOptions) {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix,
      points,
      duration: options.windowSeconds,
      // Expired rows are swept by the cleanup job, not by a timer in every request.
      clearExpiredByTimeout: false,
    });
  const perAccount = limiter("signin_account", options.maxFailures);
  const perAddress = limiter("signin_address", options.maxFailures * 10);

  const accountKey = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

  return {
    /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
    async retryAfterMs(email: string, ip: string): Promise<number> {
      const [account, address] = await Promise.all([perAccount.get(accountKey(email, ip)), perAddress.get(ip)]);
      const blocked = [
        account && account.consumedPoints >= options.maxFailures ? account.msBeforeNext : 0,
        address && address.consumedPoints >= options.maxFailures * 10 ? address.msBeforeNext : 0,
      ];
      return Math.max(...blocked);
    },
    async recordFailure(email: string, ip: string): Promise<void> {
      await Promise.all([
        perAccount.penalty(accountKey(email, ip)),
        perAddress.penalty(ip),
      ]);
    },
    async recordSuccess(email: string, ip: string): Promise<void> {
      await perAccount.delete(accountKey(email, ip));
    },
  };
}
