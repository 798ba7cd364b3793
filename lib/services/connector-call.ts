import { errorForLog, logger } from "@/lib/logger";
import type { PaymentContext } from "./payment-context";

/**
 * A connector's answer, waited for at most the context's `connectorTimeoutSeconds`; null when it failed or
 * did not answer in time (logged), and the caller leaves the step to the recovery sweep, which asks again
 * with the same idempotency key. Called with no transaction open.
 */
export async function answerWithin<T>(paymentContext: PaymentContext, call: Promise<T>, what: string, paymentId: string): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      call,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within CONNECTOR_TIMEOUT_SECONDS")), paymentContext.connectorTimeoutSeconds * 1000);
      }),
    ]);
  } catch (error) {
    logger().warn({ payment: paymentId, err: errorForLog(error) }, `the processor's ${what} failed: left to the recovery sweep`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}
