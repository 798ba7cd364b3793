import type { Db } from "@/db/client";
import { AppError, type ErrorBody } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";
import { executeIdempotently, isRefusal } from "@/lib/services/idempotency";

// The checkout's rule that one submission of a pay form is one payment, on top of the API's Idempotency-Key
// store. Not pure like the rest of lib/checkout (it takes the database handle), and not Next-aware either:
// it runs in the pay routes' transaction and in tests alike.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a submission came to: `run`'s value, or the refusal it threw (its writes rolled back). */
export type Submitted<T> = ({ value: T } | { refusal: AppError }) & { replayed: boolean };

/**
 * Runs `run` once per form submission. With no JavaScript on the page nothing stops a second tap on Pay, and
 * a link makes a new order per post: the form's one-time `submission` key, claimed like an API
 * Idempotency-Key, makes the twin wait for the first's transaction and get the same outcome (`replayed: true`)
 * instead of running again. `run` gets the transaction its value is stored in (as JSON), so it must be short —
 * it reserves a payment, it never calls the processor. A refusal it throws (an AppError below 500) rolls back
 * everything it wrote and is stored in its place (lib/services/idempotency.ts), no savepoint taken for it; a
 * refusal whose writes must stand (an order found expired is expired) is returned as a value instead.
 */
export async function oncePerSubmission<T>(
  db: Db,
  scope: MerchantScope,
  submission: string | null,
  path: string,
  run: (tx: Db) => Promise<T>,
): Promise<Submitted<T>> {
  if (!submission) {
    try {
      return { value: await run(db), replayed: false };
    } catch (error) {
      if (isRefusal(error)) return { refusal: error, replayed: false };
      throw error;
    }
  }
  const request = { key: `checkout_${submission}`, method: "POST", path, body: "" };
  for (let waited = 0; ; waited += 250) {
    try {
      const outcome = await executeIdempotently(db, scope, request, async (tx) => ({ status: 200, body: JSON.stringify(await run(tx)) }));
      if (outcome.status < 400) return { value: JSON.parse(outcome.body) as T, replayed: outcome.replayed };
      const { error } = JSON.parse(outcome.body) as ErrorBody;
      return { refusal: new AppError(error.code, error.message, { param: error.param }), replayed: outcome.replayed };
    } catch (error) {
      if (error instanceof AppError && error.code === "idempotency_key_in_use" && waited < 20_000) {
        await sleep(250);
        continue;
      }
      throw error;
    }
  }
}
