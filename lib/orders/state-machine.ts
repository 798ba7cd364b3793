import type { OrderStatus } from "@/lib/core/statuses";

// The order lifecycle of the API contract, as data. Every service that changes an order's status asks
// `nextStatus` first, so a transition the contract does not allow cannot be written by any path.

export type OrderTransition =
  | "payment_submitted" // 3-D Secure, a wallet or a bank transfer is under way
  | "payment_succeeded"
  | "payment_failed" // back to open, so the buyer can try again
  | "expire"
  | "cancel"
  | "void"
  | "refund_succeeded";

const TABLE: Record<OrderStatus, Partial<Record<OrderTransition, OrderStatus>>> = {
  open: { payment_submitted: "processing", payment_succeeded: "paid", payment_failed: "open", expire: "expired", cancel: "canceled" },
  processing: { payment_succeeded: "paid", payment_failed: "open", cancel: "canceled" },
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
  amountRefunded: number;
  amountRefundPending: number;
  settledAt: Date | null;
}

export interface OrderActions {
  allowed_void: boolean;
  allowed_refund: boolean;
  refundable_amount: number;
  allowed_cancel: boolean;
}

/**
 * What may be done to an order now; the API, the dashboard and the services all ask this one function.
 * Void only while paid, unsettled and unrefunded; refunds only after settlement, up to what is not yet
 * refunded or reserved by a pending refund.
 */
export function orderActions(order: OrderMoneyState): OrderActions {
  const settled = order.settledAt !== null;
  // Money the buyer paid is still held: paid in full, or partly given back (a fully refunded order holds none).
  const holdsCapturedMoney = order.status === "paid" || order.status === "partially_refunded";
  const refundable_amount = holdsCapturedMoney && settled ? Math.max(0, order.amount - order.amountRefunded - order.amountRefundPending) : 0;
  const allowed_void = order.status === "paid" && !settled && order.amountRefunded === 0 && order.amountRefundPending === 0;
  return {
    allowed_void,
    allowed_refund: refundable_amount > 0,
    refundable_amount,
    allowed_cancel: order.status === "open" || order.status === "processing" || allowed_void || refundable_amount > 0,
  };
}

/** How `cancel` treats an order: the seeds' "close unpaid orders, and refund if payment already occurred". */
export function cancelPlan(order: OrderMoneyState): "cancel" | "void" | "refund" | null {
  if (order.status === "open" || order.status === "processing") return "cancel";
  const actions = orderActions(order);
  if (actions.allowed_void) return "void";
  if (actions.allowed_refund) return "refund";
  return null;
}
