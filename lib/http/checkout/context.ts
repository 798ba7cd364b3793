import { getEnv } from "@/lib/core/env";
import { configuredProcessors } from "@/lib/processor";
import type { PaymentContext } from "@/lib/services/order-changes";

// What the checkout's pages and form handlers take from the process: its base URL and its processors.

/** Whether a checkout in this mode can take a payment at all (live mode needs a processor connected for it). */
export function takesPayments(livemode: boolean): boolean {
  return configuredProcessors().forMode(livemode) !== null;
}

/** The processors and base URL the payment services need. */
export function paymentContext(): PaymentContext {
  return { appUrl: getEnv().APP_URL, processors: configuredProcessors() };
}
