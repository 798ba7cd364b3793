import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages, messageStatusChanges, type MessageRow } from "@/db/schema";
import { ACCOUNT_MESSAGE_KINDS, type AccountMessageKind, type MessageStatus } from "@/lib/core/statuses";
import { recordEvent } from "@/lib/events/record-event";
import { enqueue, JOBS } from "@/lib/jobs/queue";
import { smsStatusCallbackUrl, type Messaging } from "@/lib/messaging/config";
import type { EmailAttachment, SendResult } from "@/lib/messaging/email-transport";
import { attachmentsFor, messageDocument } from "./message-attachments";
import { renderReceipt } from "./queue-receipt";
import { hasReceipt, type OrderDocument } from "@/lib/documents/order-document";
import { findOrder } from "@/db/queries/orders";
import { findPaymentLink } from "@/db/queries/payment-links";
import { linkUnavailableReason } from "@/lib/links/rules";
import { errorForLog, logger } from "@/lib/logger";
import { outboxSms } from "@/lib/messaging/sms/provider";
import { toMessageObject } from "@/lib/messaging/serialize";

// Sending a queued message, as the worker runs it: read the message, hand it to its transport with no
// transaction open and no row locked, then record what the transport said — one transaction for the status,
// its history line, its event and (after a failure) the next attempt's job.

const isAccountKind = (kind: string): kind is AccountMessageKind => (ACCOUNT_MESSAGE_KINDS as readonly string[]).includes(kind);

/** What an account email keeps once an SMTP server has it: not the sign-in link it carried. */
const DROPPED_CONTENT = "Not kept: this email carried a single-use account link, and left Paylink for the SMTP server.";

type Outcome = "sent" | "retrying" | "failed" | "skipped";

/** An email's content written at send time (a receipt's), kept on its row with what the transport said. */
type Content = { subject: string; html: string; text: string };

async function transmit(db: Db, messaging: Messaging, message: MessageRow, lastAttempt: boolean): Promise<SendResult & { transport: string; content?: Content }> {
  // A payment request that waited on retries must not ask for money that was paid (or a link closed) since.
  const stale = await staleRequestReason(db, message);
  if (stale) return { ok: false, reason: stale, permanent: true, transport: message.channel === "email" ? messaging.email.name : (messaging.sms ?? outboxSms).name };
  if (message.channel === "email") {
    // A receipt is queued as a row alone, in the payment's transaction (queue-receipt.ts): its content is
    // rendered now, from the paid order, and kept on the row with the outcome.
    let doc: OrderDocument | null | undefined;
    let content: Content | undefined;
    if (message.kind === "receipt" && message.html === null) {
      doc = await messageDocument(db, message, messaging.appUrl);
      if (!doc || !hasReceipt(doc)) return { ok: false, reason: "Not sent: its order is not paid.", permanent: true, transport: messaging.email.name };
      content = await renderReceipt(doc);
    }
    // An order's request carries its invoice, a receipt its receipt: made now from the order as it is, so a
    // retry a day later attaches what is true then. The outbox keeps only the message: no PDF to make.
    let attachments: EmailAttachment[] = [];
    if (messaging.email.name !== "outbox") {
      try {
        attachments = await attachmentsFor(db, message, messaging.appUrl, doc);
      } catch (error) {
        logger().error({ err: errorForLog(error), messageId: message.id }, "the PDF for an email could not be made");
        // Retried like a transport failure; the last attempt sends the email without it rather than not at all.
        if (!lastAttempt) return { ok: false, reason: "The PDF to attach could not be made.", permanent: false, transport: messaging.email.name, content };
      }
    }
    const { subject, html, text } = content ?? { subject: message.subject ?? "", html: message.html ?? "", text: message.text };
    const result = await messaging.email.send({ id: message.id, to: message.to, subject, html, text, attachments });
    return { ...result, transport: messaging.email.name, content };
  }
  const provider = messaging.sms ?? outboxSms;
  const result = await provider.send({ id: message.id, to: message.to, body: message.text, statusCallbackUrl: smsStatusCallbackUrl(messaging.appUrl, provider.name, message.id) });
  return { ...(result.ok ? { ...result, providerMessageId: result.providerMessageId || null } : result), transport: provider.name };
}

/** Why a queued payment request should no longer leave (its order paid or closed, its link closed), or null. */
async function staleRequestReason(db: Db, message: MessageRow): Promise<string | null> {
  if (message.kind !== "payment_request" || !message.merchantId) return null;
  const scope = { merchantId: message.merchantId, livemode: message.livemode };
  if (message.orderId) {
    const order = await findOrder(db, scope, message.orderId);
    if (order && order.status !== "open" && order.status !== "processing") return `Not sent: the order became ${order.status} before this request could leave.`;
    return null;
  }
  if (message.paymentLinkId) {
    const link = await findPaymentLink(db, scope, message.paymentLinkId);
    if (link && linkUnavailableReason(link) !== null) return "Not sent: the payment link stopped taking payments before this request could leave.";
  }
  return null;
}

/**
 * How long a sender holds an attempt: above the transports' own timeouts (SMTP ≤ 40 s, Twilio 20 s), below
 * the job's expiry (60 s), so a job run again after its worker died finds the hold lapsed and sends.
 */
export const CLAIM_SECONDS = 50;

/**
 * One sending attempt of a message. `attempt` is the attempt the job was queued for. The attempt is claimed
 * first — a short committed update, no lock held afterwards — so two runs of one job (a retry after a
 * timeout, a duplicate from the sweep) never both send: the second finds it claimed, or already recorded.
 * At least once: a worker killed between the transport's acceptance and the record sends the message again
 * once the claim lapses (with the same Message-ID, which lets a mailbox tell).
 */
export async function sendMessage(db: Db, messaging: Messaging, messageId: string, attempt: number): Promise<Outcome> {
  const [message] = await db
    .update(messages)
    .set({ attemptCount: attempt, claimedUntil: sql`now() + make_interval(secs => ${CLAIM_SECONDS})`, updatedAt: sql`now()` })
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.status, "queued"),
        // The next attempt, or this one again if its claim lapsed (its sender died). A recorded attempt has no claim.
        or(eq(messages.attemptCount, attempt - 1), and(eq(messages.attemptCount, attempt), lt(messages.claimedUntil, sql`now()`))),
      ),
    )
    .returning();
  if (!message) return "skipped";

  const result = await transmit(db, messaging, message, messaging.retrySchedule[attempt - 1] === undefined);

  return db.transaction(async (tx) => {
    const now = new Date();
    // Only the attempt this run claimed: had the claim lapsed and another run recorded it, this answer is dropped.
    const stillOurs = and(eq(messages.id, message.id), eq(messages.status, "queued"), eq(messages.attemptCount, attempt));
    const retryIn = messaging.retrySchedule[attempt - 1];
    const dropContent = isAccountKind(message.kind) && result.transport !== "outbox" ? { html: null, text: DROPPED_CONTENT } : {};
    let status: MessageStatus;
    let detail: string;
    let changes: Partial<typeof messages.$inferInsert>;
    if (result.ok) {
      status = "sent";
      detail = result.detail;
      changes = { status, sentAt: now, transport: result.transport, providerMessageId: result.providerMessageId, failureReason: null, ...dropContent };
    } else if (!result.permanent && retryIn !== undefined) {
      status = "queued";
      detail = `Attempt ${attempt} failed: ${result.reason} Next attempt in ${retryIn} s.`;
      changes = { failureReason: result.reason, nextAttemptAt: new Date(now.getTime() + retryIn * 1000) };
    } else {
      status = "failed";
      detail = result.reason;
      changes = { status, failureReason: result.reason, transport: result.transport, ...dropContent };
    }
    const [updated] = await tx
      .update(messages)
      .set({ ...result.content, ...changes, claimedUntil: null, updatedAt: now })
      .where(stillOurs)
      .returning();
    if (!updated) return "skipped";
    await tx.insert(messageStatusChanges).values({ messageId: message.id, status, detail, at: now });
    if (status === "queued") {
      await enqueue(tx, JOBS.messageSend, { messageId: message.id, attempt: attempt + 1 }, { startAfterSeconds: retryIn });
      return "retrying";
    }
    if (updated.merchantId) {
      await recordEvent(tx, { merchantId: updated.merchantId, livemode: updated.livemode }, status === "sent" ? "message.sent" : "message.failed", toMessageObject(updated));
    }
    return status === "sent" ? "sent" : "failed";
  });
}

/**
 * Queued messages whose next attempt is long overdue and that nobody holds: their jobs were lost (pg-boss
 * gave up during a long database outage, a queue was cleared). Each gets a job again — for the attempt it
 * is on if that attempt's claim lapsed, else the next — and its due time moves on, so one pass re-queues it
 * once. A duplicate job is harmless: the claim lets one run send.
 */
export async function requeueOverdueMessages(db: Db, overdueSeconds = 600): Promise<number> {
  return db.transaction(async (tx) => {
    const overdue = await tx
      .update(messages)
      .set({ nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(messages.status, "queued"),
          lt(messages.nextAttemptAt, sql`now() - make_interval(secs => ${overdueSeconds})`),
          or(isNull(messages.claimedUntil), lt(messages.claimedUntil, sql`now()`)),
        ),
      )
      .returning({ id: messages.id, attemptCount: messages.attemptCount, claimedUntil: messages.claimedUntil });
    for (const m of overdue) await enqueue(tx, JOBS.messageSend, { messageId: m.id, attempt: m.claimedUntil ? m.attemptCount : m.attemptCount + 1 });
    return overdue.length;
  });
}

/**
 * A provider's delivery report for one of our messages (found by our id, from the callback URL): moves it to
 * `delivered` or `failed` once, and ignores repeats and intermediate statuses. A report can beat the worker's
 * own record of the send; then the message goes straight from queued to its outcome, and the worker's late
 * record is dropped (it only updates a message still queued).
 */
export async function applyDeliveryReport(
  db: Db,
  messageId: string,
  transport: string,
  report: { providerMessageId: string | null; outcome: "delivered" | "failed" | null; detail: string },
): Promise<"applied" | "ignored" | "unknown"> {
  if (!report.outcome) return "ignored";
  const outcome = report.outcome;
  return db.transaction(async (tx) => {
    const [message] = await tx.select().from(messages).where(eq(messages.id, messageId)).for("update");
    if (!message || message.channel !== "sms") return "unknown";
    // Another message's report, or one for a message this provider never had.
    if (message.providerMessageId && report.providerMessageId !== message.providerMessageId) return "unknown";
    if (message.transport && message.transport !== transport) return "unknown";
    if (message.status !== "queued" && message.status !== "sent") return "ignored";
    const now = new Date();
    const [updated] = await tx
      .update(messages)
      .set({
        status: outcome,
        transport,
        providerMessageId: message.providerMessageId ?? report.providerMessageId,
        sentAt: message.sentAt ?? now,
        claimedUntil: null,
        ...(outcome === "delivered" ? { deliveredAt: now } : { failureReason: report.detail }),
        updatedAt: now,
      })
      .where(and(eq(messages.id, message.id), inArray(messages.status, ["queued", "sent"])))
      .returning();
    await tx.insert(messageStatusChanges).values({ messageId: message.id, status: outcome, detail: report.detail, at: now });
    if (updated!.merchantId) {
      await recordEvent(tx, { merchantId: updated!.merchantId, livemode: updated!.livemode }, outcome === "delivered" ? "message.delivered" : "message.failed", toMessageObject(updated!));
    }
    return "applied";
  });
}
