import type { Db } from "@/db/client";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";
import { executeIdempotently } from "@/lib/services/idempotency";
import type { Redirect } from "./redirects";

// The checkout's rule that one submission of a pay form is one payment, on top of the API's Idempotency-Key
// store. Not pure like the rest of lib/checkout (it takes the database handle), and not Next-aware either:
// it runs in the pay routes' transaction and in tests alike.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a payment once per form submission. With no JavaScript on the page nothing stops a second tap on
 * Pay, and a link makes a new order per post: the form's one-time `submission` key, claimed like an API
 * Idempotency-Key, makes the twin wait for the first and answer the same redirect instead of paying again.
 * `run` gets the transaction the answer is stored in; it must turn refusals into redirects itself.
 */
export async function oncePerSubmission(
  db: Db,
  scope: MerchantScope,
  submission: string | null,
  path: string,
  run: (tx: Db) => Promise<Redirect>,
): Promise<Redirect> {
  if (!submission) return run(db);
  const request = { key: `checkout_${submission}`, method: "POST", path, body: "" };
  for (let waited = 0; ; waited += 250) {
    try {
      const outcome = await executeIdempotently(db, scope, request, async (tx) => ({ status: 303, body: JSON.stringify(await run(tx)) }));
      const stored = JSON.parse(outcome.body) as Partial<Redirect>;
      return typeof stored.location === "string" ? (stored as Redirect) : { location: path.replace(/\/pay$/, "") };
    } catch (error) {
      if (error instanceof AppError && error.code === "idempotency_key_in_use" && waited < 20_000) {
        await sleep(250);
        continue;
      }
      throw error;
    }
  }
}
