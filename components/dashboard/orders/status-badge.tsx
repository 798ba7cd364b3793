import type { OrderStatus } from "@/db/schema";
import { ORDER_STATUS_LABELS } from "./format";

const TONES: Record<OrderStatus, string> = {
  open: "bg-sky-50 text-sky-800 ring-sky-600/20",
  processing: "bg-amber-50 text-amber-800 ring-amber-600/20",
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  partially_refunded: "bg-violet-50 text-violet-800 ring-violet-600/20",
  refunded: "bg-violet-50 text-violet-800 ring-violet-600/20",
  voided: "bg-slate-100 text-slate-700 ring-slate-500/20",
  canceled: "bg-slate-100 text-slate-700 ring-slate-500/20",
  expired: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

const pill = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

/** The order's status in the words of the contract's state machine. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span data-testid="order-status" className={`${pill} ${TONES[status]}`}>
      {ORDER_STATUS_LABELS[status]}
    </span>
  );
}

/** Shown beside the status while a refund waits for the processor: the status changes only once it succeeds. */
export function RefundPendingBadge() {
  return <span className={`${pill} bg-amber-50 text-amber-800 ring-amber-600/20`}>Refund pending</span>;
}
