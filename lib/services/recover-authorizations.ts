import { and, asc, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { payments } from "@/db/schema";
import type { AuthorizeResult } from "@/lib/processor/connector";
import type { PaymentContext } from "./payment-context";
import { recordAuthorization } from "./record-authorization";
import { SWEEP_BATCH } from "./sweep";

/** What an attempt the processor never received fails with: `order.payment_failed` carries it. */
export const NEVER_RECEIVED = {
  code: "processor_unavailable",
  message: "The payment could not be completed: the payment processor did not receive it. No money was taken; please try again.",
} as const;

/**
 * Attempts still `authorizing` after `olderThanSeconds` (their request died, or the answer was lost): asks
 * each one's connector what became of it (`retrieve`, by the attempt's idempotency key) and records that
 * answer as the buyer's request would have. An authorization the processor never received fails, and the
 * order is open again. No lock is held while a connector is asked; recording is compare-and-set, so two
 * workers sweeping at once, or a request that answers late, record each attempt once.
 *
 * `olderThanSeconds` must exceed how long a request waits for the connector (CONNECTOR_TIMEOUT_SECONDS), so
 * no call that could still reach the processor is read as "never received".
 */
export async function recoverAuthorizations(db: Db, paymentContext: PaymentContext, olderThanSeconds: number, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanSeconds * 1000);
  const stranded = await db
    .select({ id: payments.id, orderId: payments.orderId, merchantId: payments.merchantId, livemode: payments.livemode, processor: payments.processor })
    .from(payments)
    .where(and(eq(payments.status, "authorizing"), lte(payments.createdAt, cutoff)))
    .orderBy(asc(payments.createdAt))
    .limit(SWEEP_BATCH);
  let count = 0;
  for (const attempt of stranded) {
    const found = await paymentContext.processors.named(attempt.processor).retrieve(attempt.id);
    const answer: AuthorizeResult = found ?? { status: "declined", reference: "", ...NEVER_RECEIVED };
    const reservation = { scope: { merchantId: attempt.merchantId, livemode: attempt.livemode }, paymentId: attempt.id, orderId: attempt.orderId };
    const outcome = await recordAuthorization(db, paymentContext, reservation, answer);
    if (outcome.payment.status !== "authorizing") count += 1;
  }
  return count;
}
