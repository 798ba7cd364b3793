import type { PaymentStatus } from "@/lib/core/statuses";

// A payment attempt's lifecycle, as data (the order's is lib/orders/state-machine.ts). Every change of an
// attempt's status goes through changePayment (lib/services/payment-changes.ts), which asks this table first,
// so no path can, say, mark a failed attempt succeeded when a late 3-D Secure answer arrives.

/** Every attempt starts here: written and committed before the connector is called (see authorize-payment.ts). */
export const STARTING_STATUS: PaymentStatus = "authorizing";

const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  // The connector has been (or is about to be) asked: its answer, the recovery job's reading of it, or the
  // order's cancel (a late "succeeded" is then voided at the processor).
  authorizing: ["succeeded", "authorized", "failed", "requires_action", "pending"],
  // Waiting for the buyer (3-D Secure, a wallet's approval): the answer, a timeout, or the order's cancel.
  requires_action: ["succeeded", "authorized", "failed"],
  // Waiting for the money (a bank transfer): it arrives, or the order is canceled first.
  pending: ["succeeded", "failed"],
  // Authorized, not captured (manual capture): the merchant's capture, or the authorization released — by a
  // void, a cancel, or its lapse.
  authorized: ["succeeded", "voided"],
  // Captured: only a void (before settlement) changes it; refunds are records of their own.
  succeeded: ["voided"],
  failed: [],
  voided: [],
};

/** Whether an attempt may move from one status to another. */
export function canChangePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to);
}

/** The attempts still open (waiting for the processor, the buyer or the bank): a payment is under way. */
export function isPaymentInFlight(status: PaymentStatus): boolean {
  return NEXT[status].includes("failed");
}

/** What a connector can answer to an authorization (lib/processor/connector.ts AuthorizeResult). */
export type AuthorizationAnswer = "succeeded" | "authorized" | "declined" | "requires_action" | "pending";

/** The status an authorizing attempt moves to on the connector's answer. */
export function answeredStatus(answer: AuthorizationAnswer): PaymentStatus {
  return answer === "declined" ? "failed" : answer;
}
