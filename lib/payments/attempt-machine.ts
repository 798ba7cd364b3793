import type { PaymentStatus } from "@/lib/core/statuses";

// A payment attempt's lifecycle, as data (the order's is lib/orders/state-machine.ts). Every change of an
// attempt's status goes through changePayment (lib/services/payment-changes.ts), which asks this table first,
// so no path can, say, mark a failed attempt succeeded when a late 3-D Secure answer arrives.

/** The statuses a new attempt can start in: what the connector answered when it was asked to authorize. */
export const STARTING_STATUSES: readonly PaymentStatus[] = ["requires_action", "pending", "succeeded", "failed"];

const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  // Waiting for the buyer (3-D Secure, a wallet's approval): the answer, a timeout, or the order's cancel.
  requires_action: ["succeeded", "failed"],
  // Waiting for the money (a bank transfer): it arrives, or the order is canceled first.
  pending: ["succeeded", "failed"],
  // Captured: only a void (before settlement) changes it; refunds are records of their own.
  succeeded: ["voided"],
  failed: [],
  voided: [],
};

/** Whether an attempt may move from one status to another. */
export function canChangePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to);
}

/** The attempts still open: one of these in an order means a payment is under way. */
export function isPaymentInFlight(status: PaymentStatus): boolean {
  return NEXT[status].includes("succeeded");
}

/** The status a connector's answer to an authorization starts the attempt in. */
export function startingStatus(answer: "succeeded" | "declined" | "requires_action" | "pending"): PaymentStatus {
  return answer === "declined" ? "failed" : answer;
}
