import type { OrderStatus } from "@/lib/core/statuses";
import type { RefundRule } from "@/lib/payments/methods";

// The order lifecycle of the API contract, as data. Every service that changes an order's status asks
// `nextStatus` first, so a transition the contract does not allow cannot be written by any path.

export type OrderTransition =
  | "payment_submitted" // 3-D Secure, a wallet or a bank transfer is under way
  | "payment_succeeded"
  | "payment_authorized" // manual capture: the money is held until the merchant captures it
  | "capture"
  | "payment_failed" // back to open, so the buyer can try again
  | "expire"
  | "cancel"
  | "void"
  | "refund_succeeded";

const TABLE: Record<OrderStatus, Partial<Record<OrderTransition, OrderStatus>>> = {
  open: { payment_submitted: "processing", payment_succeeded: "paid", payment_authorized: "authorized", payment_failed: "open", expire: "expired", cancel: "canceled" },
  processing: { payment_succeeded: "paid", payment_authorized: "authorized", payment_failed: "open", cancel: "canceled" },
  // Captured (in full or in part), released by a void, or lapsed (AUTHORIZATION_VALIDITY_HOURS).
  authorized: { capture: "paid", void: "voided", expire: "expired" },
  paid: { void: "voided", refund_succeeded: "partially_refunded" },
  partially_refunded: { refund_succeeded: "partially_refunded" },
  refunded: {},
  voided: {},
  canceled: {},
  expired: {},
};

/**
 * The status after a transition, or null when the contract does not allow it from `status`. A refund that
 * brings the refunded total to the full amount ends in `refunded`.
 */
export function nextStatus(status: OrderStatus, transition: OrderTransition, after?: { fullyRefunded: boolean }): OrderStatus | null {
  const next = TABLE[status][transition] ?? null;
  if (next === "partially_refunded" && after?.fullyRefunded) return "refunded";
  return next;
}

export interface OrderMoneyState {
  status: OrderStatus;
  amount: number;
  /** Null until captured; a partial capture makes it less than `amount`. */
  amountCaptured: number | null;
  amountRefunded: number;
  amountRefundPending: number;
  settledAt: Date | null;
}

export interface OrderActions {
  allowed_void: boolean;
  allowed_refund: boolean;
  refundable_amount: number;
  allowed_cancel: boolean;
  allowed_capture: boolean;
}

/**
 * What may be done to an order now; the API, the dashboard and the services all ask this one function.
 * Capture only while authorized. Void while authorized (the hold is released), or while paid, unsettled and
 * unrefunded; refunds only after settlement, up to what was captured and is not yet refunded or reserved
 * by a pending refund.
 */
export function orderActions(order: OrderMoneyState, refunds: RefundRule = "full_and_partial"): OrderActions {
  const settled = order.settledAt !== null;
  // Money the buyer paid is still held: paid in full, or partly given back (a fully refunded order holds none).
  const holdsCapturedMoney = order.status === "paid" || order.status === "partially_refunded";
  const captured = order.amountCaptured ?? order.amount;
  // The payment method's rule: PromptPay takes no refund; PIX only one, of the whole amount.
  const untouched = order.amountRefunded === 0 && order.amountRefundPending === 0;
  const methodAllows = refunds === "full_and_partial" || (refunds === "full_only" && untouched);
  const refundable_amount = holdsCapturedMoney && settled && methodAllows ? Math.max(0, captured - order.amountRefunded - order.amountRefundPending) : 0;
  const allowed_capture = order.status === "authorized";
  const allowed_void = allowed_capture || (order.status === "paid" && !settled && order.amountRefunded === 0 && order.amountRefundPending === 0);
  return {
    allowed_void,
    allowed_refund: refundable_amount > 0,
    refundable_amount,
    allowed_cancel: order.status === "open" || order.status === "processing" || allowed_void || refundable_amount > 0,
    allowed_capture,
  };
}

/** How `cancel` treats an order: the seeds' "close unpaid orders, and refund if payment already occurred". */
export function cancelPlan(order: OrderMoneyState, refunds: RefundRule = "full_and_partial"): "cancel" | "void" | "refund" | null {
  if (order.status === "open" || order.status === "processing") return "cancel";
  const actions = orderActions(order, refunds);
  if (actions.allowed_void) return "void";
  if (actions.allowed_refund) return "refund";
  return null;
}
