import { Badge, type BadgeTone } from "@/components/dashboard/badge";
import type { OrderStatus } from "@/db/schema";
import { ORDER_STATUS_LABELS } from "./format";

const TONES: Record<OrderStatus, BadgeTone> = {
  open: "info",
  processing: "warning",
  authorized: "warning",
  paid: "success",
  partially_refunded: "accent",
  refunded: "accent",
  voided: "muted",
  canceled: "muted",
  expired: "muted",
};

/** The order's status in the words of the contract's state machine. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge tone={TONES[status]} testId="order-status">
      {ORDER_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Shown beside the status while a refund waits for the processor: the status changes only once it succeeds. */
export function RefundPendingBadge() {
  return <Badge tone="warning">Refund pending</Badge>;
}
