import type { CardBrand, ValidCard } from "@/lib/payments/card";
import type { PaymentMethod } from "@/lib/payments/methods";

// What Paylink needs from a payment processor. The services talk only to this interface; the built-in
// simulator implements it, and a real processor's connector can replace it without touching the rest.

export interface AuthorizeRequest {
  /**
   * Our payment id: the idempotency key the processor gets. The same key sent twice (a retry after a lost
   * answer) must be one authorization, answered the same way.
   */
  paymentId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  livemode: boolean;
  /** Only for method "card"; the number lives in memory for this call and is never stored. */
  card?: ValidCard;
}

export type AuthorizeResult =
  | { status: "succeeded"; reference: string; card?: { brand: CardBrand; last4: string } }
  | { status: "declined"; reference: string; code: string; message: string; card?: { brand: CardBrand; last4: string } }
  /** The buyer must act: a 3-D Secure challenge, or approving a wallet payment. */
  | { status: "requires_action"; reference: string; action: "three_d_secure" | "wallet_redirect"; card?: { brand: CardBrand; last4: string } }
  /** An asynchronous method: the money arrives later (bank transfer). */
  | { status: "pending"; reference: string; action: "bank_transfer" };

export type ActionResult = { status: "succeeded" } | { status: "declined"; code: string; message: string };

export interface PaymentConnector {
  readonly name: string;
  /**
   * Authorizes and captures (Paylink captures at once). Called with no database transaction open: the
   * attempt is committed as `authorizing` first, and the answer recorded in a transaction of its own.
   */
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  /**
   * What became of an authorization we sent with this idempotency key (our payment id), or null when the
   * processor never received it. The recovery job asks this for attempts whose answer was never recorded
   * (the app died during the call, or the answer was lost).
   */
  retrieve(paymentId: string): Promise<AuthorizeResult | null>;
  /** The buyer's answer to a 3-D Secure challenge or a wallet approval. */
  completeAction(reference: string, approved: boolean): Promise<ActionResult>;
  /** Whether an asynchronous payment (bank transfer) has arrived. */
  asyncPaymentArrived(reference: string, pendingSince: Date, now: Date): Promise<boolean>;
  /** Cancels a captured, unsettled payment. */
  void(reference: string): Promise<void>;
  /** Starts a refund; refunds settle asynchronously (see refundOutcome). */
  refund(reference: string, amount: number, refundId: string): Promise<{ reference: string }>;
  /** Whether a pending refund has settled, failed, or is still pending. */
  refundOutcome(reference: string, pendingSince: Date, now: Date): Promise<"succeeded" | "failed" | "pending">;
}
