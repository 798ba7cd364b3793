import { cardLabel, methodLabel, money } from "./format";

// An order's history as people read it, from the events written with each change. Pure: the page loads the
// order's and its refunds' events and the order's payment attempts, this turns them into lines.

export interface TimelineEvent {
  id: string;
  type: string;
  createdAt: Date;
  /** `{ object }`: the order or refund as the API showed it when the event was written. */
  data: { object: Record<string, unknown> };
}

/** A payment attempt: its failure message and next action are not in the order object an event carries. */
export interface TimelinePayment {
  id: string;
  failureMessage: string | null;
  nextAction: string | null;
}

export interface TimelineEntry {
  id: string;
  type: string;
  at: string;
  /** "Payment failed — Your card was declined." */
  text: string;
}

const WAITING_FOR: Record<string, string> = {
  three_d_secure: "waiting for the buyer's 3-D Secure check",
  wallet_redirect: "waiting for the buyer to approve it in their wallet",
  bank_transfer: "waiting for the bank transfer to arrive",
};

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

function amountOf(object: Record<string, unknown>, field = "amount"): string | null {
  const amount = num(object[field]);
  const currency = str(object.currency);
  return amount !== null && currency ? money(amount, currency) : null;
}

/** The payment an order event was written with, as the event's order object shows it. */
function paymentOf(object: Record<string, unknown>): { id: string | null; method: string | null; card: { brand: string; last4: string } | null } {
  const payment = object.payment && typeof object.payment === "object" ? (object.payment as Record<string, unknown>) : {};
  const card = payment.card && typeof payment.card === "object" ? (payment.card as Record<string, unknown>) : null;
  const brand = str(card?.brand);
  const last4 = str(card?.last4);
  return { id: str(payment.id), method: str(payment.method), card: brand && last4 ? { brand, last4 } : null };
}

function join(title: string, detail: string | null | undefined): string {
  if (!detail) return `${title}.`;
  return `${title} — ${/[.!?]$/.test(detail) ? detail : `${detail}.`}`;
}

function describe(event: TimelineEvent, payments: ReadonlyMap<string, TimelinePayment>): string {
  const object = event.data?.object ?? {};
  const payment = paymentOf(object);
  const attempt = payment.id ? payments.get(payment.id) : undefined;
  const paidWith = payment.card ? cardLabel(payment.card) : payment.method ? methodLabel(payment.method) : null;
  switch (event.type) {
    case "order.created":
      return join("Order created", amountOf(object));
    case "order.processing": {
      const waiting = attempt?.nextAction ? WAITING_FOR[attempt.nextAction] : undefined;
      return join("Payment started", [paidWith, waiting].filter(Boolean).join(", "));
    }
    case "order.payment_failed":
      return join("Payment failed", attempt?.failureMessage ?? paidWith);
    case "order.authorized":
      return join("Payment authorized", [[amountOf(object), paidWith].filter(Boolean).join(" by "), "waiting for you to capture it"].filter(Boolean).join(", "));
    case "order.paid":
      // A manual capture: what was captured, which may be less than the order's amount.
      if (num(object.amount_captured) !== null && object.capture_method === "manual") return join("Payment captured", [amountOf(object, "amount_captured"), paidWith].filter(Boolean).join(" by "));
      return join("Payment succeeded", [amountOf(object), paidWith].filter(Boolean).join(" by "));
    case "order.canceled":
      return join("Order canceled", "it can no longer be paid");
    case "order.expired":
      return (object.payment as Record<string, unknown> | null)?.status === "voided"
        ? join("Authorization lapsed", "it was not captured in time and has been released")
        : join("Order expired", "the buyer did not pay in time");
    case "order.voided":
      return join("Payment voided", "the buyer is not charged");
    case "order.settled":
      return join("Payment settled", "from now on it can be refunded, no longer voided");
    case "order.refunded": {
      const refunded = amountOf(object, "amount_refunded");
      const total = amountOf(object);
      const full = object.status === "refunded";
      return join(full ? "Fully refunded" : "Partially refunded", refunded && total ? `${refunded} of ${total} refunded in total` : null);
    }
    case "refund.created": {
      const reason = str(object.reason);
      return join(`Refund of ${amountOf(object) ?? "an amount"} requested`, reason ? `reason: ${reason}` : null);
    }
    case "refund.succeeded":
      return join(`Refund of ${amountOf(object) ?? "an amount"} succeeded`, null);
    case "refund.failed":
      return join(`Refund of ${amountOf(object) ?? "an amount"} failed`, str(object.failure_reason));
    default:
      return event.type;
  }
}

/**
 * Oldest first. Events written in one transaction share its time, and ids only order them to the
 * millisecond, so an order's creation is put first among events of the same moment.
 */
export function orderTimeline(events: readonly TimelineEvent[], payments: readonly TimelinePayment[]): TimelineEntry[] {
  const byId = new Map(payments.map((p) => [p.id, p]));
  const first = (e: TimelineEvent) => (e.type === "order.created" ? 0 : 1);
  return [...events]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || first(a) - first(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((event) => ({ id: event.id, type: event.type, at: event.createdAt.toISOString(), text: describe(event, byId) }));
}
