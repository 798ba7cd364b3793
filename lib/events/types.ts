// The event catalogue of the API contract. Pure: the OpenAPI document and schemas import it without the queue.

export const EVENT_TYPES = [
  "payment_link.created",
  "payment_link.updated",
  "order.created",
  "order.processing",
  "order.authorized",
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
  "message.sent",
  "message.delivered",
  "message.failed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
