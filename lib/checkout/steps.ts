// Where a buyer goes next on the hosted checkout. Pure: every checkout page and form handler asks these
// functions, so the Post/Redirect/Get flow is decided in one place and tested in milliseconds.

import type { OrderStatus } from "@/lib/core/statuses";

/** A step page under /o/{token}/ that waits for the buyer (or the bank). */
export type ActionPage = "authenticate" | "wallet" | "bank" | "pay-later" | "bank-transfer" | "qr" | "debit";

/** The page of each step a payment can wait in (its `next_action`): the buyer's, then the bank's. */
const ACTION_PAGES: Record<string, { status: "requires_action" | "pending"; page: ActionPage }> = {
  three_d_secure: { status: "requires_action", page: "authenticate" },
  wallet_redirect: { status: "requires_action", page: "wallet" },
  bank_redirect: { status: "requires_action", page: "bank" },
  pay_later: { status: "requires_action", page: "pay-later" },
  bank_transfer: { status: "pending", page: "bank-transfer" },
  qr_code: { status: "pending", page: "qr" },
  sepa_debit: { status: "pending", page: "debit" },
};

export type OrderStep =
  | { kind: "pay" }
  | { kind: "action"; page: ActionPage }
  | { kind: "paid" }
  | { kind: "unavailable"; reason: "expired" | "canceled" | "voided" | "in_progress" };

export interface OrderState {
  status: OrderStatus;
  expiresAt: Date;
}

export interface PaymentState {
  status: string;
  nextAction: string | null;
}

/** The page an order's checkout shows now, from its status and its latest payment attempt. */
export function orderStep(order: OrderState, payment: PaymentState | null, now: Date = new Date()): OrderStep {
  switch (order.status) {
    // For the buyer an authorized payment (the merchant captures it later) is done, as a paid one is.
    case "authorized":
    case "paid":
    case "partially_refunded":
    case "refunded":
      return { kind: "paid" };
    case "voided":
      return { kind: "unavailable", reason: "voided" };
    case "canceled":
      return { kind: "unavailable", reason: "canceled" };
    case "expired":
      return { kind: "unavailable", reason: "expired" };
    case "processing": {
      const page = payment ? actionPage(payment) : null;
      return page ? { kind: "action", page } : { kind: "unavailable", reason: "in_progress" };
    }
    case "open":
      // The expiry job may not have run yet: an order past expires_at takes no payment (payOrder agrees).
      return order.expiresAt.getTime() <= now.getTime() ? { kind: "unavailable", reason: "expired" } : { kind: "pay" };
  }
}

function actionPage(payment: PaymentState): ActionPage | null {
  const step = payment.nextAction ? ACTION_PAGES[payment.nextAction] : undefined;
  return step && step.status === payment.status ? step.page : null;
}

const TOKEN = /^[0-9A-Za-z]{16,64}$/;

/**
 * Whether a URL segment can be a link's or order's token (lib/core/ids newToken: base-62). Anything else is
 * answered 404 before it reaches the database, a cookie path or a Location header.
 */
export function isCheckoutToken(token: string): boolean {
  return TOKEN.test(token);
}

export function orderPath(orderToken: string, page?: ActionPage | "complete"): string {
  return page ? `/o/${orderToken}/${page}` : `/o/${orderToken}`;
}

export function linkPath(linkToken: string): string {
  return `/l/${linkToken}`;
}

/** The page that shows an order in `step`: the form, the step's page, or the receipt. */
export function stepPath(orderToken: string, step: OrderStep): string {
  if (step.kind === "action") return orderPath(orderToken, step.page);
  if (step.kind === "paid") return orderPath(orderToken, "complete");
  return orderPath(orderToken);
}

/** Only absolute http(s) URLs are followed or linked to; anything else is treated as absent. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Where the buyer lands once the order is paid: the merchant's success_url (an API order's, or the link's
 * after_completion redirect, which payLink copies onto the order), else the receipt.
 */
export function afterPaymentPath(order: { token: string; successUrl: string | null }): string {
  return safeHttpUrl(order.successUrl) ?? orderPath(order.token, "complete");
}

export type PayOutcomeKind =
  | { kind: "paid" }
  | { kind: "authorized" }
  | { kind: "declined" }
  | { kind: "requires_action"; action: "three_d_secure" | "wallet_redirect" | "bank_redirect" | "pay_later" }
  | { kind: "pending"; action: "bank_transfer" | "qr_code" | "sepa_debit" }
  | { kind: "processing" };

/**
 * Where a payment attempt's outcome sends the buyer (a declined card retries on the same order; a payment
 * the processor has not answered yet shows the order's "being processed" page).
 */
export function outcomePath(outcome: PayOutcomeKind, order: { token: string; successUrl: string | null }): string {
  switch (outcome.kind) {
    case "paid":
    case "authorized":
      return afterPaymentPath(order);
    case "declined":
    case "processing":
      return orderPath(order.token);
    case "requires_action":
    case "pending":
      return orderPath(order.token, ACTION_PAGES[outcome.action]!.page);
  }
}
