import type { Db } from "@/db/client";
import { messages, messageStatusChanges, type MessageRow } from "@/db/schema";
import type { MerchantScope } from "@/lib/core/scope";
import { newId } from "@/lib/core/ids";
import type { MessageChannel, MessageKind } from "@/lib/core/statuses";
import { enqueue, JOBS } from "@/lib/jobs/queue";

export interface NewMessage {
  /** The merchant and mode a buyer message belongs to; null for an account email. */
  scope: MerchantScope | null;
  channel: MessageChannel;
  kind: MessageKind;
  to: string;
  paymentLinkId?: string | null;
  orderId?: string | null;
  subject?: string | null;
  html?: string | null;
  text: string;
}

/**
 * Stores a rendered message and queues its sending, with the caller's transaction: the message leaves if and
 * only if what caused it (a sign-up, an invitation, a send request) commits. Nothing here touches the network.
 */
export async function queueMessage(tx: Db, message: NewMessage): Promise<MessageRow> {
  const id = newId("message");
  // The row, its first history line and its job, sent to the server together (one round trip, in this order).
  const [[row]] = await Promise.all([
    tx
      .insert(messages)
      .values({
        id,
        merchantId: message.scope?.merchantId ?? null,
        livemode: message.scope?.livemode ?? false,
        channel: message.channel,
        kind: message.kind,
        to: message.to,
        paymentLinkId: message.paymentLinkId ?? null,
        orderId: message.orderId ?? null,
        subject: message.subject ?? null,
        html: message.html ?? null,
        text: message.text,
      })
      .returning(),
    tx.insert(messageStatusChanges).values({ messageId: id, status: "queued", detail: "Queued for sending." }),
    enqueue(tx, JOBS.messageSend, { messageId: id, attempt: 1 }),
  ]);
  return row!;
}
