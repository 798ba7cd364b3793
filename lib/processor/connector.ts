import type { CardBrand, ValidCard } from "@/lib/payments/card";
import type { CaptureMethod } from "@/lib/core/statuses";
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
  /** `automatic`: capture when authorized; `manual`: only authorize (capture() later, or void()). */
  capture: CaptureMethod;
  /** Only for method "card"; the number lives in memory for this call and is never stored. */
  card?: ValidCard;
  /** Only for "sepa_debit": the account to debit (in memory for this call; only its last four are kept). */
  sepa?: { iban: string; accountHolder: string };
  /** Who the buyer pays, as their bank statement and the QR code's merchant name show it. */
  descriptor: string;
}

/** A step the buyer takes on another page: 3-D Secure, a wallet's approval, their bank's page, a pay-later provider. */
export type BuyerAction = "three_d_secure" | "wallet_redirect" | "bank_redirect" | "pay_later";

/** An asynchronous method waiting for the money: a bank transfer, a scanned QR payment, a SEPA debit. */
export type PendingAction = "bank_transfer" | "qr_code" | "sepa_debit";

export type AuthorizeResult =
  | { status: "succeeded"; reference: string; card?: { brand: CardBrand; last4: string } }
  /** Manual capture: the money is held, waiting for capture() or void(). */
  | { status: "authorized"; reference: string; card?: { brand: CardBrand; last4: string } }
  | { status: "declined"; reference: string; code: string; message: string; card?: { brand: CardBrand; last4: string } }
  /** The buyer must act: a 3-D Secure challenge, approving a wallet payment, their bank's or Klarna's page. */
  | { status: "requires_action"; reference: string; action: BuyerAction; card?: { brand: CardBrand; last4: string } }
  /** An asynchronous method: the money arrives later; `qr` is the payload the buyer scans (PromptPay, PIX). */
  | { status: "pending"; reference: string; action: PendingAction; qr?: string };

export type ActionResult = { status: "succeeded" } | { status: "authorized" } | { status: "declined"; code: string; message: string };

export type CaptureResult = { status: "succeeded" } | { status: "failed"; code: string; message: string };

export interface PaymentConnector {
  readonly name: string;
  /**
   * Authorizes, and captures too unless the request says `capture: "manual"`. Called with no database transaction open: the
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
  /**
   * Captures `amount` (up to what was authorized; the rest is released) of a manually captured payment.
   * Keyed by our payment id: a repeated capture is one capture, answered the same way. Called with no
   * transaction open, after the capture was recorded as under way (capture-order.ts).
   */
  capture(reference: string, amount: number, paymentId: string): Promise<CaptureResult>;
  /** Cancels a captured, unsettled payment, or releases an authorization. */
  void(reference: string): Promise<void>;
  /**
   * Starts a refund, keyed by our refund id (the same id twice is one refund). Its outcome arrives later as
   * a notification (`refund.succeeded` / `refund.failed`).
   */
  refund(reference: string, amount: number, refundId: string): Promise<{ reference: string }>;
  /**
   * Reads a notification the processor sent to /api/processors/{name}/notifications: the parsed notification
   * when its signature (over the raw body, as sent) is the processor's, otherwise null. Pure of side effects.
   */
  verifyNotification(headers: Headers, body: string, now?: Date): ProcessorNotification | null;
  /**
   * Work the connector does on its own schedule, called by the worker's payments sweep: the built-in
   * simulator sends the notifications that have come due. A real processor does this on its side (none).
   */
  runDue?(now?: Date): Promise<number>;
  /**
   * Test mode only: makes an asynchronous payment (bank transfer, QR) complete now rather than on the
   * simulated bank's schedule, and sends its notification at once. False when this connector has no such
   * control or nothing is waiting under that reference.
   */
  completeNow?(reference: string): Promise<boolean>;
}

/**
 * What a processor tells us asynchronously, by the ids we gave it: a payment attempt's outcome (our payment
 * id was its idempotency key) or a refund's (our refund id). `id` is the processor's own notification id,
 * the same on every retry of the same notification.
 */
export type ProcessorNotification =
  | { id: string; type: "payment.succeeded"; paymentId: string; reference: string }
  | { id: string; type: "payment.failed"; paymentId: string; reference: string; code: string; message: string }
  | { id: string; type: "refund.succeeded"; refundId: string; reference: string }
  | { id: string; type: "refund.failed"; refundId: string; reference: string; message: string };
