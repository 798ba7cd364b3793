import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { newId } from "@/lib/ids";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import type { MerchantScope } from "@/lib/services/scope";

export const EVENT_TYPES = [
  "payment_link.created",
  "payment_link.updated",
  "order.created",
  "order.processing",
  "order.payment_failed",
  "order.paid",
  "order.canceled",
  "order.expired",
  "order.voided",
  "order.settled",
  "order.refunded",
  "refund.created",
  "refund.succeeded",
  "refund.failed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Writes an event. Call it with the transaction that makes the change, so the change and its event commit
 * or roll back together.
 */
export async function recordEvent(
  tx: Db,
  scope: MerchantScope,
  type: EventType,
  object: { id: string } & Record<string, unknown>,
): Promise<string> {
  const id = newId("event");
  await tx.insert(events).values({
    id,
    merchantId: scope.merchantId,
    livemode: scope.livemode,
    type,
    objectId: object.id,
    data: { object },
  });
  // Queued in the same transaction: delivered if and only if the change commits.
  await enqueue(tx, QUEUES.fanout, { eventId: id });
  return id;
}
