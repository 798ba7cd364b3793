import type { MessageRow } from "@/db/schema";
import { listMessagesSchema, messageObjectSchema } from "@/lib/messaging/schemas";
import { toMessageObject } from "@/lib/messaging/serialize";
import { listComponent, listOperation, objectOperation } from "../operations";
import type { ResourceSpec } from "../resource";
import { OPEN_ORDER } from "./order-examples";

// The emails and SMS sent to buyers (app/api/v1/messages). Sending them is the next issue's; reading them is here.

const EXAMPLE: MessageRow = {
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
  const message = toMessageObject(EXAMPLE);
  return {
    tag: {
      name: "Messages",
      "x-object-schema": "Message",
      description:
        "Every email and SMS Paylink sent to a buyer. A message is `queued` in the same transaction as what caused it, then sent by the worker: email over SMTP (`SMTP_URL`), SMS through a Twilio-compatible API (`SMS_PROVIDER=twilio`), or, with neither configured, kept in the built-in outbox (`sent`, readable in the dashboard). A transport failure is retried with backoff, then the message is `failed` with the reason. Events: `message.sent`, `message.delivered` (SMS), `message.failed`.",
    },
    schemas: {
      Message: { schema: messageObjectSchema, io: "output", description: "An email or SMS sent to a buyer." },
      MessageList: listComponent(messageObjectSchema, "/api/v1/messages", "A page of messages."),
    },
    operations: [
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
        id: { description: "The message's id (`msg_…`).", example: EXAMPLE.id },
        response: { description: "The message.", schema: "Message", example: message },
      }),
    ],
  };
}
