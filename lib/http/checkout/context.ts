import { configuredProcessors } from "@/lib/processor";

// What the checkout's pages ask of the process's processors (the payment context is paymentContextFromEnv).

/** Whether a checkout in this mode can take a payment at all (live mode needs a processor connected for it). */
export function takesPayments(livemode: boolean): boolean {
  return configuredProcessors().takesPayments(livemode);
}
