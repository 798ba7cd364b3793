import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findCallbackSecret, findConnectedEvent, findEvent, findWebhookEndpoint } from "@/db/queries/webhooks";
import { webhookAttempts, webhookEndpoints, webhookMessages } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { enqueue, JOBS } from "@/lib/jobs/queue";
import { postJson, type PostResult } from "@/lib/webhooks/http";
import { nextRetryDelay } from "@/lib/webhooks/retry";
import { toEventObject } from "@/lib/webhooks/serialize";
import { activeSecrets, signWebhook } from "@/lib/webhooks/signing";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import { scopeOf } from "@/lib/core/scope";

// Delivery of committed events, as the worker runs it: fan-out (fanout-event.ts) makes one message per
// destination, then one job per message and attempt. At least once: a message is only marked done after its
// answer is recorded, and a worker killed mid-attempt leaves the job to be retried by the queue.

export interface DeliveryConfig {
  retrySchedule: readonly number[];
  timeoutMs: number;
  disableAfterMs: number;
  allowPrivate: boolean;
  resolve?: (host: string) => Promise<string[]>;
}

/**
 * One HTTP attempt of a message, recorded; schedules the next attempt after a failure. `attempt` is the
 * attempt the job was queued for: a job retried after its worker died, whose attempt was already recorded
 * (and the next one queued), is skipped, so a crash never starts a second retry chain.
 */
export async function deliverMessage(
  db: Db,
  messageId: string,
  config: DeliveryConfig,
  now: Date = new Date(),
  attempt?: number,
): Promise<"succeeded" | "retrying" | "failed" | "skipped"> {
  const [message] = await db.select().from(webhookMessages).where(eq(webhookMessages.id, messageId));
  if (!message || message.status !== "pending") return "skipped";
  if (attempt !== undefined && message.attemptCount >= attempt) return "skipped";
  const endpoint = message.endpointId ? await findWebhookEndpoint(db, scopeOf(message), message.endpointId) : null;
  if (message.endpointId && !endpoint) return "skipped";
  // The message's own merchant's event, or — to a platform's `connect` endpoint — a connected merchant's. Checked
  // at every attempt: an endpoint whose `connect` was turned off stops carrying other merchants' events.
  const event = (await findEvent(db, scopeOf(message), message.eventId)) ?? (endpoint?.connect ? await findConnectedEvent(db, scopeOf(message), message.eventId) : null);
  if (!event && !endpoint) return "skipped";
  const refused = !event ? "The endpoint no longer receives this merchant's events." : endpoint && !endpoint.enabled && message.origin === "fanout" ? "The endpoint is disabled." : null;
  if (!event || refused) {
    // Closed by our own rule, not the endpoint's answer: its health (failing since, auto-disable) is not touched.
    await recordAttempt(db, message.id, message.attemptCount, { statusCode: null, body: null, latencyMs: 0, error: refused }, config, now, "refused");
    return "failed";
  }

  let url: string;
  let secrets: string[];
  if (endpoint) {
    url = endpoint.url;
    secrets = activeSecrets(endpoint.secret, endpoint.previousSecret, endpoint.previousSecretExpiresAt, now);
  } else {
    // The secret of the message's own mode: a test object's callback can never carry a live signature.
    const secret = await findCallbackSecret(db, scopeOf(message));
    url = message.callbackUrl ?? "";
    secrets = secret ? [secret] : [];
  }

  // Checked again at every attempt: DNS can change after the URL was saved.
  const checked = await checkWebhookUrl(url, { livemode: event.livemode, allowPrivate: config.allowPrivate, resolve: config.resolve });
  let result: PostResult;
  if (!checked.ok || secrets.length === 0) {
    result = { statusCode: null, body: null, latencyMs: 0, error: checked.ok ? "No signing secret." : checked.message };
  } else {
    const body = JSON.stringify(toEventObject(event));
    const headers = signWebhook(secrets, event.id, now, body);
    result = await postJson(checked.url, checked.addresses, { ...headers }, body, config.timeoutMs);
  }
  return recordAttempt(db, message.id, message.attemptCount, result, config, now, "schedule");
}

async function recordAttempt(
  db: Db,
  messageId: string,
  attemptsBefore: number,
  result: PostResult,
  config: DeliveryConfig,
  now: Date,
  /** What a failure means: retry on schedule, the last try, or refused by us without trying (no health change). */
  onFailure: "schedule" | "final" | "refused",
): Promise<"succeeded" | "retrying" | "failed" | "skipped"> {
  const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  return db.transaction(async (tx) => {
    const [message] = await tx.select().from(webhookMessages).where(eq(webhookMessages.id, messageId)).for("update");
    if (!message || message.status !== "pending") return "skipped"; // another worker recorded this attempt
    const attemptNumber = Math.max(message.attemptCount, attemptsBefore) + 1;
    await tx.insert(webhookAttempts).values({
      id: newId("webhookAttempt"),
      messageId,
      attemptNumber,
      attemptedAt: now,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      responseBody: result.body?.slice(0, 2048) ?? null,
      error: result.error ?? (succeeded ? null : `HTTP ${result.statusCode}${result.statusCode && result.statusCode >= 300 && result.statusCode < 400 ? " (redirects are not followed)" : ""}`),
      succeeded,
    });
    const delay = succeeded || onFailure !== "schedule" ? null : nextRetryDelay(config.retrySchedule, attemptNumber);
    const status = succeeded ? "succeeded" : delay === null ? "failed" : "pending";
    await tx
      .update(webhookMessages)
      .set({ status, attemptCount: attemptNumber, lastAttemptAt: now, nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay * 1000) })
      .where(eq(webhookMessages.id, messageId));
    if (delay !== null) await enqueue(tx, JOBS.deliver, { messageId, attempt: attemptNumber + 1 }, { startAfterSeconds: delay });
    if (message.endpointId && onFailure !== "refused") await updateEndpointHealth(tx, message.endpointId, succeeded, config, now);
    return succeeded ? "succeeded" : delay === null ? "failed" : "retrying";
  });
}

/** A success clears the failure clock; an endpoint failing for longer than the limit is disabled. */
async function updateEndpointHealth(tx: Db, endpointId: string, succeeded: boolean, config: DeliveryConfig, now: Date) {
  if (succeeded) {
    await tx.update(webhookEndpoints).set({ failingSince: null }).where(and(eq(webhookEndpoints.id, endpointId), sql`${webhookEndpoints.failingSince} is not null`));
    return;
  }
  await tx
    .update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${sql.param(now, webhookEndpoints.failingSince)})` })
    .where(eq(webhookEndpoints.id, endpointId));
  await tx
    .update(webhookEndpoints)
    .set({
      enabled: false,
      disabledReason: `Disabled automatically: every delivery failed for ${Math.round(config.disableAfterMs / 3600_000)} hours.`,
      updatedAt: now,
    })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true), lte(webhookEndpoints.failingSince, new Date(now.getTime() - config.disableAfterMs))));
}
