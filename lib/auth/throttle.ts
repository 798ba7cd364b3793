import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import type { Env } from "@/lib/core/env";
import { rateLimits } from "@/db/schema";
import { throttleKey } from "@/lib/http/client-address";

export interface ThrottleOptions {
  /** Failures allowed per email and client address within the window. */
  maxFailures: number;
  /** Failures allowed per email from every address together. */
  accountMaxFailures: number;
  windowSeconds: number;
}

/** The sign-in throttle's settings (also guarding a password change): LOGIN_* in the environment. */
export function signInThrottleOptions(env: Pick<Env, "LOGIN_MAX_FAILURES" | "LOGIN_ACCOUNT_MAX_FAILURES" | "LOGIN_WINDOW_SECONDS">): ThrottleOptions {
  return { maxFailures: env.LOGIN_MAX_FAILURES, accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES, windowSeconds: env.LOGIN_WINDOW_SECONDS };
}

/** "Wait this long" when a counter is used up. */
export type Gate = { ok: true } | { ok: false; retryAfterMs: number };

function limiter(db: Db, keyPrefix: string, points: number, windowSeconds: number) {
  return new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix,
    points,
    duration: windowSeconds,
    // Expired rows are swept by the cleanup job, not by a timer in every request.
    clearExpiredByTimeout: false,
  });
}

/**
 * Takes one point from each counter in turn, stopping at the first that has none left: a refused attempt
 * does not spend the counters after it. (Otherwise attempts already refused for one address would go on
 * filling the account's own counter, and one address could lock the owner out from everywhere.)
 */
async function consumeInTurn(counters: { limiter: RateLimiterDrizzle; key: string }[]): Promise<Gate> {
  for (const { limiter: counter, key } of counters) {
    try {
      await counter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
      throw rejection;
    }
  }
  return { ok: true };
}

/**
 * Sign-in throttling, shared by every app instance through the database. Three counters:
 * - per email and client address (one place guessing one account's password), LOGIN_MAX_FAILURES;
 * - per email from anywhere (a guesser who changes address, or forges X-Forwarded-For), LOGIN_ACCOUNT_MAX_FAILURES;
 * - per client address, ten times LOGIN_MAX_FAILURES (one place spraying many accounts).
 *
 * An attempt takes its point from each counter BEFORE the password is checked, with one atomic upsert per
 * counter: thirty attempts sent at the same moment cannot all pass a check that was done before any of them
 * failed. A correct password gives its points back, so only failures count. An attempt refused by one
 * counter spends none after it (address, then account and address, then account).
 */
export function createSignInThrottle(db: Db, options: ThrottleOptions) {
  const perAccountAddress = limiter(db, "signin_account", options.maxFailures, options.windowSeconds);
  const perAccount = limiter(db, "signin_email", options.accountMaxFailures, options.windowSeconds);
  const perAddress = limiter(db, "signin_address", options.maxFailures * 10, options.windowSeconds);

  const keys = (email: string, address: string) => {
    const account = email.trim().toLowerCase();
    const from = throttleKey(address);
    return { accountAddress: `${account}|${from}`, account, address: from };
  };

  return {
    /** Takes an attempt's points; `ok: false` means refuse it without checking the password. */
    async consume(email: string, address: string): Promise<Gate> {
      const k = keys(email, address);
      return consumeInTurn([
        { limiter: perAddress, key: k.address },
        { limiter: perAccountAddress, key: k.accountAddress },
        { limiter: perAccount, key: k.account },
      ]);
    },
    /** The password was right: the attempt's points come back, and this place's failures for the account are forgotten. */
    async succeeded(email: string, address: string): Promise<void> {
      const k = keys(email, address);
      await Promise.all([perAccountAddress.delete(k.accountAddress), perAccount.reward(k.account, 1), perAddress.reward(k.address, 1)]);
    },
  };
}

/**
 * Sign-ups per client address: each one costs two argon2 runs (hashing, then the sign-in that follows), and an
 * unthrottled form is a cheap way to load the server and to fill the users table.
 */
export async function consumeSignUp(db: Db, address: string, options: { maxPerAddress: number; windowSeconds: number }): Promise<Gate> {
  return consumeInTurn([{ limiter: limiter(db, "signup_address", options.maxPerAddress, options.windowSeconds), key: throttleKey(address) }]);
}

/**
 * Account emails (verification resends, password resets, invitations): at most `max` per hour for each of
 * `keys` (the address asked about, the client address, the account asking), so nobody can make Paylink mail
 * a stranger over and over, or probe addresses at speed.
 */
export async function consumeAccountEmail(db: Db, kind: string, keys: string[], max: number): Promise<Gate> {
  const counter = limiter(db, `mail_${kind}`, max, 3600);
  return consumeInTurn(keys.map((key) => ({ limiter: counter, key })));
}
