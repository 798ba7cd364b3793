import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findCallbackSecret, findConnectedEvent, findDeliveries } from "@/db/queries/webhooks";
import { webhookAttempts, webhookEndpoints, webhookMessages, type EventRow, type WebhookEndpointRow, type WebhookMessageRow } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { enqueueMany, JOBS } from "@/lib/jobs/queue";
import { postJson, type PostResult } from "@/lib/webhooks/http";
import { nextRetryDelay } from "@/lib/webhooks/retry";
import { toEventObject } from "@/lib/webhooks/serialize";
import { activeSecrets, signWebhook } from "@/lib/webhooks/signing";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";

// Delivery of committed events, as the worker runs it: fan-out (fanout-event.ts) makes one message per
// destination, then one job per message and attempt. At least once: a message is only marked done after its
// answer is recorded, and a worker killed mid-attempt leaves the job to be retried by the queue.
//
// The worker takes jobs in batches (lib/jobs/worker.ts) and delivers a batch together: one query reads every
// message with its endpoint and event, the requests go out at once (over each endpoint's kept-alive
// connections, at most ENDPOINT_CONCURRENCY at a time to one endpoint, see lib/webhooks/http.ts), and one
// transaction records every answer, each message's attempt and status together. No row is locked while a
// request is out: the messages are locked only in the recording transaction, after the answers.

export interface DeliveryConfig {
  retrySchedule: readonly number[];
  timeoutMs: number;
  disableAfterMs: number;
  allowPrivate: boolean;
  resolve?: (host: string) => Promise<string[]>;
}

export type DeliveryOutcome = "succeeded" | "retrying" | "failed" | "skipped";

/** One job's message and the attempt it was queued for (none on jobs queued before attempts were numbered). */
export interface DeliveryJob {
  messageId: string;
  attempt?: number;
}

/**
 * One HTTP attempt of a message, recorded; schedules the next attempt after a failure. `attempt` is the
 * attempt the job was queued for: a job retried after its worker died, whose attempt was already recorded
 * (and the next one queued), is skipped, so a crash never starts a second retry chain.
 */
export async function deliverMessage(db: Db, messageId: string, config: DeliveryConfig, now: Date = new Date(), attempt?: number): Promise<DeliveryOutcome> {
  const [outcome] = await deliverMessages(db, [{ messageId, attempt }], config, now);
  return outcome!;
}

/** What one message is sent: where, signed with which secrets (none: not sent), or why it is refused unsent. */
type Prepared =
  | { kind: "skip" }
  | { kind: "refuse"; message: WebhookMessageRow; reason: string }
  | { kind: "send"; message: WebhookMessageRow; event: EventRow; url: string; secrets: string[] };

/**
 * deliverMessage for a batch of jobs, answered in their order. A message named twice in the batch is attempted
 * once (the second is skipped). A database error throws (the batch's jobs are then retried by the queue: those
 * whose attempt was recorded are skipped then); a failed request never throws, it is recorded.
 */
export async function deliverMessages(db: Db, jobs: readonly DeliveryJob[], config: DeliveryConfig, now: Date = new Date()): Promise<DeliveryOutcome[]> {
  const rows = new Map((await findDeliveries(db, [...new Set(jobs.map((j) => j.messageId))])).map((row) => [row.message.id, row]));
  const taken = new Set<string>();
  const callbackSecrets = new Map<string, Promise<string | null>>();
  const prepared: Prepared[] = [];
  for (const job of jobs) {
    const row = rows.get(job.messageId);
    if (!row || taken.has(job.messageId)) {
      prepared.push({ kind: "skip" });
      continue;
    }
    taken.add(job.messageId);
    prepared.push(await prepare(db, row, job.attempt, now, callbackSecrets));
  }

  // Each URL checked once per batch, just before its requests: DNS can change after the URL was saved.
  const checks = new Map<string, ReturnType<typeof checkWebhookUrl>>();
  const results = await Promise.all(
    prepared.map(async (p): Promise<PostResult | null> => {
      if (p.kind !== "send") return null;
      const key = `${p.event.livemode}|${p.url}`;
      let check = checks.get(key);
      if (!check) checks.set(key, (check = checkWebhookUrl(p.url, { livemode: p.event.livemode, allowPrivate: config.allowPrivate, resolve: config.resolve })));
      const checked = await check;
      if (!checked.ok || p.secrets.length === 0) return { statusCode: null, body: null, latencyMs: 0, error: checked.ok ? "No signing secret." : checked.message };
      const body = JSON.stringify(toEventObject(p.event));
      const headers = signWebhook(p.secrets, p.event.id, now, body);
      return postJson(checked.url, checked.addresses, { ...headers }, body, config.timeoutMs);
    }),
  );

  const attempts: AttemptResult[] = [];
  const index: (number | null)[] = prepared.map((p, i) => {
    if (p.kind === "skip") return null;
    attempts.push(
      p.kind === "refuse"
        ? // Closed by our own rule, not the endpoint's answer: its health (failing since, auto-disable) is not touched.
          { messageId: p.message.id, attemptsBefore: p.message.attemptCount, result: { statusCode: null, body: null, latencyMs: 0, error: p.reason }, onFailure: "refused" }
        : { messageId: p.message.id, attemptsBefore: p.message.attemptCount, result: results[i]!, onFailure: "schedule" },
    );
    return attempts.length - 1;
  });
  const recorded = await recordAttempts(db, attempts, config, now);
  return index.map((i) => (i === null ? "skipped" : recorded[i]!));
}

async function prepare(
  db: Db,
  { message, endpoint, event: ownEvent }: { message: WebhookMessageRow; endpoint: WebhookEndpointRow | null; event: EventRow | null },
  attempt: number | undefined,
  now: Date,
  callbackSecrets: Map<string, Promise<string | null>>,
): Promise<Prepared> {
  if (message.status !== "pending") return { kind: "skip" };
  if (attempt !== undefined && message.attemptCount >= attempt) return { kind: "skip" };
  if (message.endpointId && !endpoint) return { kind: "skip" };
  // The message's own merchant's event, or — to a platform's `connect` endpoint — a connected merchant's. Checked
  // at every attempt: an endpoint whose `connect` was turned off stops carrying other merchants' events.
  const event = ownEvent ?? (endpoint?.connect ? await findConnectedEvent(db, scopeOf(message), message.eventId) : null);
  if (!event && !endpoint) return { kind: "skip" };
  if (!event) return { kind: "refuse", message, reason: "The endpoint no longer receives this merchant's events." };
  if (endpoint && !endpoint.enabled && message.origin === "fanout") return { kind: "refuse", message, reason: "The endpoint is disabled." };
  if (endpoint) return { kind: "send", message, event, url: endpoint.url, secrets: activeSecrets(endpoint.secret, endpoint.previousSecret, endpoint.previousSecretExpiresAt, now) };
  // The secret of the message's own mode: a test object's callback can never carry a live signature.
  const scope: MerchantScope = scopeOf(message);
  const key = `${scope.merchantId}|${scope.livemode}`;
  let secret = callbackSecrets.get(key);
  if (!secret) callbackSecrets.set(key, (secret = findCallbackSecret(db, scope)));
  const found = await secret;
  return { kind: "send", message, event, url: message.callbackUrl ?? "", secrets: found ? [found] : [] };
}

/**
 * The transaction's commit does not wait for its disk flush. Safe for a worker's record of its job's work: the
 * job is marked complete only afterwards, by a commit that does wait, and that flush carries this one with it
 * (the log is written in order). A database that crashes in between loses both, and the job, still active,
 * runs again: a delivery may be repeated, as at-least-once allows, never lost.
 */
export async function commitWithoutFlushWait(tx: Db): Promise<void> {
  await tx.execute(sql`set local synchronous_commit = off`);
}

interface AttemptResult {
  messageId: string;
  attemptsBefore: number;
  result: PostResult;
  /** What a failure means: retry on schedule, or refused by us without trying (no health change). */
  onFailure: "schedule" | "refused";
}

/**
 * Records the answers in one transaction: each message's attempt, its new status and its next attempt's job
 * together, and its endpoint's health. If that transaction fails, each is recorded in a transaction of its own,
 * so one that cannot be recorded does not make the others be sent again.
 */
async function recordAttempts(db: Db, attempts: AttemptResult[], config: DeliveryConfig, now: Date): Promise<DeliveryOutcome[]> {
  if (attempts.length === 0) return [];
  try {
    return await db.transaction((tx) => recordInTransaction(tx, attempts, config, now));
  } catch (error) {
    if (attempts.length === 1) throw error;
    const outcomes: DeliveryOutcome[] = [];
    for (const attempt of attempts) outcomes.push(...(await db.transaction((tx) => recordInTransaction(tx, [attempt], config, now))));
    return outcomes;
  }
}

async function recordInTransaction(tx: Db, attempts: AttemptResult[], config: DeliveryConfig, now: Date): Promise<DeliveryOutcome[]> {
  await commitWithoutFlushWait(tx);
  // Locked in id order, so two workers recording overlapping batches never wait on each other in a cycle.
  const locked = await tx
    .select()
    .from(webhookMessages)
    .where(inArray(webhookMessages.id, attempts.map((a) => a.messageId)))
    .orderBy(webhookMessages.id)
    .for("update");
  const messages = new Map(locked.map((m) => [m.id, m]));
  const outcomes: DeliveryOutcome[] = [];
  const attemptRows: (typeof webhookAttempts.$inferInsert)[] = [];
  const updates: { id: string; status: string; attempt_count: number; last_attempt_at: string; next_attempt_at: string | null }[] = [];
  const retries: { payload: { messageId: string; attempt: number }; startAfterSeconds: number }[] = [];
  const health: { endpointId: string; succeeded: boolean }[] = [];
  for (const { messageId, attemptsBefore, result, onFailure } of attempts) {
    const message = messages.get(messageId);
    if (!message || message.status !== "pending") {
      outcomes.push("skipped"); // another worker recorded this attempt
      continue;
    }
    const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const attemptNumber = Math.max(message.attemptCount, attemptsBefore) + 1;
    attemptRows.push({
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
    updates.push({
      id: messageId,
      status,
      attempt_count: attemptNumber,
      last_attempt_at: now.toISOString(),
      next_attempt_at: delay === null ? null : new Date(now.getTime() + delay * 1000).toISOString(),
    });
    if (delay !== null) retries.push({ payload: { messageId, attempt: attemptNumber + 1 }, startAfterSeconds: delay });
    if (message.endpointId && onFailure !== "refused") health.push({ endpointId: message.endpointId, succeeded });
    outcomes.push(succeeded ? "succeeded" : delay === null ? "failed" : "retrying");
  }
  if (attemptRows.length === 0) return outcomes;
  await tx.insert(webhookAttempts).values(attemptRows);
  // One statement for every message's new state (one JSON parameter: drizzle would spread an array into many).
  await tx.execute(sql`
    update ${webhookMessages} as m
    set status = v.status, attempt_count = v.attempt_count, last_attempt_at = v.last_attempt_at, next_attempt_at = v.next_attempt_at
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id text, status text, attempt_count integer, last_attempt_at timestamptz, next_attempt_at timestamptz)
    where m.id = v.id`);
  await enqueueMany(tx, JOBS.deliver, retries);
  await updateEndpointsHealth(tx, health, config, now);
  return outcomes;
}

/**
 * A success clears the failure clock; an endpoint failing for longer than the limit is disabled. Applied per
 * endpoint in id order (row locks in a fixed order) and, for each, in the order of the attempts; a run of
 * successes or of failures is one update (or two), with the same effect as one per attempt.
 */
async function updateEndpointsHealth(tx: Db, outcomes: { endpointId: string; succeeded: boolean }[], config: DeliveryConfig, now: Date) {
  const byEndpoint = new Map<string, boolean[]>();
  for (const { endpointId, succeeded } of outcomes) byEndpoint.set(endpointId, [...(byEndpoint.get(endpointId) ?? []), succeeded]);
  for (const endpointId of [...byEndpoint.keys()].sort()) {
    const results = byEndpoint.get(endpointId)!;
    const runs = results.filter((succeeded, i) => i === 0 || results[i - 1] !== succeeded);
    for (const succeeded of runs) await updateEndpointHealth(tx, endpointId, succeeded, config, now);
  }
}

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
