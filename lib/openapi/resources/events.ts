import type { EventRow, OrderRow, PaymentRow } from "@/db/schema";
import { EVENT_TYPES, type EventType } from "@/lib/events/types";
import { toOrderObject } from "@/lib/orders/serialize";
import { eventObjectSchema } from "@/lib/webhooks/object-schema";
import { listEventsSchema } from "@/lib/webhooks/schemas";
import { toEventObject } from "@/lib/webhooks/serialize";
import { listComponent, listOperation, objectOperation } from "../operations";
import type { DocumentContext, ResourceSpec } from "../resource";
import { OPEN_ORDER, SETTLED_PAYMENT } from "./order-examples";
import { EXAMPLE_LINK_ROW } from "./payment-links";

const PATH = "/api/v1/events";

/**
 * What each event type means, and which object its `data.object` is. A Record over every EventType: a new
 * type in lib/events/record-event.ts fails the type check until it is documented here.
 */
export const EVENT_DOCS: Record<EventType, { object: "PaymentLink" | "Order" | "Refund" | "Message"; description: string }> = {
  "payment_link.created": { object: "PaymentLink", description: "A payment link was created." },
  "payment_link.updated": { object: "PaymentLink", description: "A payment link changed, including being disabled or enabled again." },
  "order.created": { object: "Order", description: "An order was created: with the API, or by a buyer paying through a payment link." },
  "order.processing": { object: "Order", description: "A payment was submitted and waits for the buyer (3-D Secure, a wallet) or the bank." },
  "order.authorized": { object: "Order", description: "Manual capture: the payment was authorized and the money is held until you capture the order (`POST /api/v1/orders/{id}/capture`) or void it, or the authorization lapses (`authorization_expires_at`)." },
  "order.payment_failed": { object: "Order", description: "A payment attempt failed; the order is `open` again for another try." },
  "order.paid": { object: "Order", description: "The order was paid: captured at once, or by your capture of an authorized order (see `amount_captured`)." },
  "order.canceled": { object: "Order", description: "An unpaid order was canceled." },
  "order.expired": { object: "Order", description: "An unpaid order reached its `expires_at`, or an authorized one its `authorization_expires_at` (the hold is released)." },
  "order.voided": { object: "Order", description: "A paid order was voided before settlement; the buyer is not charged." },
  "order.settled": { object: "Order", description: "The payment was settled: the order can now be refunded, no longer voided." },
  "order.refunded": { object: "Order", description: "A refund of the order succeeded, partial ones too; see `amount_refunded`." },
  "refund.created": { object: "Refund", description: "A refund was created; it is `pending`." },
  "refund.succeeded": { object: "Refund", description: "A refund succeeded." },
  "refund.failed": { object: "Refund", description: "A refund failed; see `failure_reason`." },
  "message.sent": { object: "Message", description: "An email left for the SMTP server (or the outbox), or an SMS was accepted by the SMS provider." },
  "message.delivered": { object: "Message", description: "The SMS provider reported the SMS delivered to the phone (emails stop at `sent`: SMTP reports no delivery)." },
  "message.failed": { object: "Message", description: "The message could not be sent after its retries, or the provider reported it undelivered; see `failure_reason`." },
};

// An order.paid event: the example order, bought through the example link and paid by card, serialized by
// the same code the API answers with.
const PAID_ORDER: OrderRow = {
  ...OPEN_ORDER,
  id: "ord_0kS1c4TuV5wXyZaB6cDeFgHiJ",
  paymentLinkId: EXAMPLE_LINK_ROW.id,
  reference: null,
  token: "Zp4Rt8Wx2Nc6Vb0Lm3Kj7Hg1Fd5Sa9Qe",
  status: "paid",
  itemName: EXAMPLE_LINK_ROW.itemName,
  description: EXAMPLE_LINK_ROW.description,
  paymentMethods: EXAMPLE_LINK_ROW.paymentMethods,
  successUrl: null,
  cancelUrl: null,
  metadata: {},
  attempts: 1,
  paymentId: "pay_0kS1c5AbC7dEfGhIjKlMnOpQr",
  expiresAt: new Date("2026-05-29T10:00:00.000Z"),
  paidAt: new Date("2026-05-28T10:02:31.000Z"),
  amountCaptured: OPEN_ORDER.amount,
  createdAt: new Date("2026-05-28T10:00:00.000Z"),
  updatedAt: new Date("2026-05-28T10:02:31.000Z"),
};

const CARD_PAYMENT: PaymentRow = {
  ...SETTLED_PAYMENT,
  id: PAID_ORDER.paymentId!,
  orderId: PAID_ORDER.id,
  processorReference: "sim_ch_7a1e0c9b3d5f2e84",
  capturedAt: PAID_ORDER.paidAt,
  settledAt: null,
  createdAt: new Date("2026-05-28T10:02:30.000Z"),
  updatedAt: PAID_ORDER.paidAt!,
};

export const EXAMPLE_EVENT_ID = "evt_0kS1c6PqRsTuVwXyZaBcDeFgH";

export function eventsResource({ serverUrl }: DocumentContext): ResourceSpec {
  const row: EventRow = {
    id: EXAMPLE_EVENT_ID,
    merchantId: PAID_ORDER.merchantId,
    livemode: false,
    type: "order.paid",
    objectId: PAID_ORDER.id,
    data: { object: toOrderObject(PAID_ORDER, CARD_PAYMENT, serverUrl) },
    createdAt: PAID_ORDER.paidAt!,
  };
  const event = toEventObject(row);

  return {
    tag: {
      name: "Events",
      "x-object-schema": "Event",
      description:
        "Every change to a payment link, order or refund writes an event in the same database transaction as the change, so there is an event if and only if the change was committed. Events are what webhook endpoints receive; list them to catch up on anything an endpoint missed. " +
        `Types: ${EVENT_TYPES.map((t) => `\`${t}\``).join(", ")}. ` +
        "`data.object` is the payment link, order or refund as the API answered it right after the change: retrieve the object for its state now.",
    },
    schemas: {
      Event: { schema: eventObjectSchema, io: "output", description: "An event: something that happened to one of your objects." },
      EventList: listComponent(eventObjectSchema, PATH, "A page of events."),
    },
    operations: [
      listOperation({
        path: PATH,
        operationId: "listEvents",
        summary: "List events",
        description: "The events of this key's merchant and mode, newest first, optionally of one type.",
        query: listEventsSchema,
        noun: { one: "event", many: "events" },
        filters: { type: "Only events of this type, such as `order.paid`." },
        response: { description: "A page of events.", schema: "EventList", example: event },
      }),
      objectOperation({
        path: `${PATH}/{id}`,
        operationId: "retrieveEvent",
        summary: "Retrieve an event",
        description:
          "One event, with the object it is about as it was then. The `webhook-id` header of a delivery is its event's id. Another merchant's event is answered exactly like an unknown id: 404.",
        id: { description: "The event's id (`evt_…`).", example: EXAMPLE_EVENT_ID },
        response: { description: "The event.", schema: "Event", example: event },
      }),
    ],
  };
}
