import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { executedRows, type Db } from "@/db/client";
import { simulatorNotifications } from "@/db/schema";
import type { ProcessorNotification } from "./connector";
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, signNotification, simulatorNotificationSchema, type NotificationBody } from "./notification-wire";

// The simulator's outgoing notifications, as a real processor's webhooks work: a signed JSON POST to our
// inbound route, sent when due and again (with backoff) until it is answered with a 2xx. The wire format is
// notification-wire.ts.

/** Where and how the simulator sends: our own inbound route, signed with a secret only the app knows. */
export interface NotificationSettings {
  /** The inbound route's absolute URL. */
  url: string;
  secret: string;
  /** How long one send waits for an answer. */
  timeoutMs?: number;
}

/** The notification a signed body carries, or null: a wrong or stale signature, or a body not of this shape. */
export function verifySimulatorNotification(secret: string, headers: Headers, body: string, now: Date = new Date()): ProcessorNotification | null {
  const header = headers.get(SIGNATURE_HEADER) ?? "";
  const parts = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS || !/^[0-9a-f]{64}$/.test(given)) return null;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, "hex"))) return null;
  let parsed: NotificationBody;
  try {
    parsed = simulatorNotificationSchema.parse(JSON.parse(body));
  } catch {
    return null;
  }
  const { id, type, data } = parsed;
  switch (type) {
    case "payment.succeeded":
      return data.payment ? { id, type, paymentId: data.payment, reference: data.reference } : null;
    case "payment.failed":
      return data.payment
        ? { id, type, paymentId: data.payment, reference: data.reference, code: data.code ?? "payment_failed", message: data.message ?? "The payment failed." }
        : null;
    case "refund.succeeded":
      return data.refund ? { id, type, refundId: data.refund, reference: data.reference } : null;
    case "refund.failed":
      return data.refund ? { id, type, refundId: data.refund, reference: data.reference, message: data.message ?? "The processor could not refund this payment." } : null;
  }
}

/** Books a notification to send at `dueAt`; the same id twice is one notification. */
export async function scheduleNotification(db: Db, body: Omit<NotificationBody, "created">, dueAt: Date): Promise<void> {
  const payload: NotificationBody = { ...body, created: Math.floor(dueAt.getTime() / 1000) };
  await db.insert(simulatorNotifications).values({ id: body.id, payload, dueAt }).onConflictDoNothing();
}

/** Makes a booked, unsent notification due now. */
export async function makeDueNow(db: Db, id: string, now: Date = new Date()): Promise<boolean> {
  const moved = await db
    .update(simulatorNotifications)
    .set({ dueAt: now })
    .where(and(eq(simulatorNotifications.id, id), isNull(simulatorNotifications.deliveredAt)))
    .returning({ id: simulatorNotifications.id });
  return moved.length > 0;
}

const SEND_BATCH = 50;

/**
 * Sends the notifications that are due (or the one named `only`). Each is claimed first by pushing its due
 * time past the next retry (5 s, 20 s, 80 s, … at most an hour), in a statement of its own, so two workers never send the same one at once and
 * no row is locked while the request is in flight; a 2xx marks it delivered. Returns how many were.
 */
export async function sendDueNotifications(db: Db, settings: NotificationSettings, now: Date = new Date(), only?: string): Promise<number> {
  const claimed = executedRows<{ id: string; payload: NotificationBody }>(
    await db.execute(sql`
      update ${simulatorNotifications} set attempts = attempts + 1,
        due_at = ${now.toISOString()}::timestamptz + make_interval(secs => least(3600, 5 * power(4, attempts)))
      where id in (
        select id from ${simulatorNotifications}
        where delivered_at is null and due_at <= ${now.toISOString()}::timestamptz ${only ? sql`and id = ${only}` : sql``}
        order by due_at limit ${SEND_BATCH} for update skip locked)
      returning id, payload`),
  );
  const sent = await Promise.all(
    claimed.map(async ({ id, payload }) => {
      const body = JSON.stringify(payload);
      let error: string | null = null;
      try {
        const response = await fetch(settings.url, {
          method: "POST",
          headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signNotification(settings.secret, body) },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
        });
        await response.body?.cancel();
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (e) {
        error = e instanceof Error ? `${e.name}: ${(e.cause as Error | undefined)?.message ?? e.message}`.slice(0, 200) : "send failed";
      }
      await db
        .update(simulatorNotifications)
        .set(error ? { lastError: error } : { deliveredAt: new Date(), lastError: null })
        .where(eq(simulatorNotifications.id, id));
      return error === null;
    }),
  );
  return sent.filter(Boolean).length;
}
