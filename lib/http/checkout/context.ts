import { configuredProcessors } from "@/lib/processor";
import { paymentContextFromEnv, type PaymentContext } from "@/lib/services/payment-context";

// What the checkout's pages and form handlers take from the process: its base URL and its processors.

/** Whether a checkout in this mode can take a payment at all (live mode needs a processor connected for it). */
export function takesPayments(livemode: boolean): boolean {
  return configuredProcessors().forMode(livemode) !== null;
}

/** The processors, base URL and order lifetime the payment services need. */
export function paymentContext(): PaymentContext {
  return paymentContextFromEnv();
}
