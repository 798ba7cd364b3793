import type { MessageRow } from "@/db/schema";

/** A buyer message as the API and its events show it (the contract's `message` object). */
export function toMessageObject(row: MessageRow) {
  return {
    id: row.id,
    object: "message" as const,
    livemode: row.livemode,
    // A buyer message always has its merchant; only account emails (never shown as objects) have none.
    merchant: row.merchantId as string,
    channel: row.channel,
    kind: row.kind as "payment_request" | "receipt",
    to: row.to,
    payment_link: row.paymentLinkId,
    order: row.orderId,
    status: row.status,
    failure_reason: row.failureReason,
    created_at: row.createdAt.toISOString(),
    sent_at: row.sentAt?.toISOString() ?? null,
    delivered_at: row.deliveredAt?.toISOString() ?? null,
  };
}
export type MessageObject = ReturnType<typeof toMessageObject>;
