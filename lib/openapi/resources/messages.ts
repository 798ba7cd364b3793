import type { MessageRow } from "@/db/schema";
import { listMessagesSchema, messageObjectSchema, sendRequestSchema } from "@/lib/messaging/schemas";
import { toMessageObject } from "@/lib/messaging/serialize";
import { listComponent, listOperation, objectOperation } from "../operations";
import type { ResourceSpec } from "../resource";
import { OPEN_ORDER } from "./order-examples";

// The emails and SMS sent to buyers: sending a link or an order (…/send) and reading what was sent (/messages).

/** A realistic message row, serialized by the same code the API answers with; object-schema tests check it. */
export const EXAMPLE_MESSAGE_ROW: MessageRow = {
  id: "msg_0kS1e7GhJ8kLmN9pQrStUvWxY",
  merchantId: "mch_example",
  livemode: false,
  channel: "sms",
  kind: "payment_request",
  to: "+46701234567",
  paymentLinkId: null,
  orderId: OPEN_ORDER.id,
  subject: null,
  html: null,
  text: "Demo Coffee Roasters asks you to pay USD 15.00: https://paylink.example.com/o/Zp4R?src=sms",
  status: "delivered",
  failureReason: null,
  transport: "twilio",
  providerMessageId: "SM0123456789abcdef0123456789abcdef",
  attemptCount: 1,
  claimedUntil: null,
  nextAttemptAt: new Date("2026-05-25T10:00:00.000Z"),
  createdAt: new Date("2026-05-25T10:00:00.000Z"),
  sentAt: new Date("2026-05-25T10:00:00.400Z"),
  deliveredAt: new Date("2026-05-25T10:00:03.100Z"),
  updatedAt: new Date("2026-05-25T10:00:03.100Z"),
};

export function messagesResource(): ResourceSpec {
  const message = toMessageObject(EXAMPLE_MESSAGE_ROW);
  return {
    tag: {
      name: "Messages",
      "x-object-schema": "Message",
      description:
        "Every email and SMS Paylink sent to a buyer. A message is `queued` in the same transaction as what caused it, then sent by the worker: email over SMTP (`SMTP_URL`), SMS through a Twilio-compatible API (`SMS_PROVIDER=twilio`), or, with neither configured, kept in the built-in outbox (`sent`, readable in the dashboard). A transport failure is retried with backoff, then the message is `failed` with the reason. Events: `message.sent`, `message.delivered` (SMS), `message.failed`.",
    },
    schemas: {
      Message: { schema: messageObjectSchema, io: "output", description: "An email or SMS sent to a buyer." },
      SendRequest: { schema: sendRequestSchema, io: "input", description: "Where to send it, and how." },
      MessageList: listComponent(messageObjectSchema, "/api/v1/messages", "A page of messages."),
    },
    operations: [
      objectOperation({
        method: "post",
        path: "/api/v1/payment_links/{id}/send",
        operationId: "sendPaymentLink",
        summary: "Send a payment link",
        description:
          "Emails or texts the link to a buyer: the merchant's name, the item, the amount in the currency's own format and the checkout URL with `src=email` or `src=sms` (so the link's funnel shows what it brought). The message is `queued` and sent by the worker; its status changes arrive as `message.*` events. `to` is an email address, or for `sms` an E.164 number (spaces, dashes and brackets are removed). A link that takes no payments now (inactive, expired, exhausted) answers 409 `payment_link_inactive`.",
        id: { description: "The payment link's id (`plink_…`).", example: "plink_0kS1e7GhJ8kLmN9pQrStUvWxY" },
        body: { schema: "SendRequest", example: { channel: "email", to: "buyer@example.com" } },
        response: { status: 201, description: "The queued message.", schema: "Message", example: { ...message, channel: "email", to: "buyer@example.com", order: null, payment_link: "plink_0kS1e7GhJ8kLmN9pQrStUvWxY", status: "queued", sent_at: null, delivered_at: null } },
        errors: ["payment_link_inactive"],
      }),
      objectOperation({
        method: "post",
        path: "/api/v1/orders/{id}/send",
        operationId: "sendOrder",
        summary: "Send an order",
        description:
          "Emails (with the invoice PDF attached) or texts the order to its buyer, with the checkout URL carrying `src=email` or `src=sms`. Only while the order can be paid: a paid, closed or expired order answers 409 `order_not_payable`.",
        id: { description: "The order's id (`ord_…`).", example: OPEN_ORDER.id },
        body: { schema: "SendRequest", example: { channel: "sms", to: "+46701234567" } },
        response: { status: 201, description: "The queued message.", schema: "Message", example: { ...message, status: "queued", sent_at: null, delivered_at: null } },
        errors: ["order_not_payable"],
      }),
      listOperation({
        path: "/api/v1/messages",
        operationId: "listMessages",
        summary: "List messages",
        description: "The messages of this key's merchant and mode, newest first; filter by `payment_link`, `order`, `channel` and `status`.",
        query: listMessagesSchema,
        noun: { one: "message", many: "messages" },
        filters: {
          payment_link: "Only messages about this payment link (`plink_…`).",
          order: "Only messages about this order (`ord_…`).",
          channel: "Only `email` or only `sms`.",
          status: "Only messages in this status: `queued`, `sent`, `delivered` or `failed`.",
        },
        response: { description: "A page of messages.", schema: "MessageList", example: message, url: "/api/v1/messages" },
      }),
      objectOperation({
        path: "/api/v1/messages/{id}",
        operationId: "retrieveMessage",
        summary: "Retrieve a message",
        description: "One message with its current status.",
        id: { description: "The message's id (`msg_…`).", example: EXAMPLE_MESSAGE_ROW.id },
        response: { description: "The message.", schema: "Message", example: message },
      }),
    ],
  };
}
