import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { executedRows, type Database } from "@/db/client";
import { describeDatabaseUnavailable } from "@/db/unavailable";
import type { Env } from "@/lib/core/env";
import { errorForLog, type Logger } from "@/lib/logger";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { deliverMessages, type DeliveryConfig } from "@/lib/services/deliver-webhook-message";
import { fanoutEvents } from "@/lib/services/fanout-event";
import { closeConnections } from "@/lib/webhooks/http";
import { failStalledPaymentActions } from "@/lib/services/fail-stalled-payment-actions";
import { recoverAuthorizations } from "@/lib/services/recover-authorizations";
import { finishStalledCaptures } from "@/lib/services/capture-order";
import { sendProcessorVoid } from "@/lib/services/send-processor-void";
import { sendMessage } from "@/lib/services/send-message";
import { messagingFromEnv } from "@/lib/messaging/config";
import { expireOrders } from "@/lib/services/expire-orders";
import { settleOrders } from "@/lib/services/settle-orders";
import { submitRefunds } from "@/lib/services/submit-refunds";
import { JOBS, type QueueName, type ScheduledJob } from "./definitions";
import { runMaintenance } from "./maintenance";
import { enqueue, QUEUE_SCHEMA, queueDb } from "./queue";
import { jobWorker, type WorkOptions } from "./work";
import type { JobDefinition } from "./job";
import type { z } from "zod";

export function deliveryConfig(env: Env): DeliveryConfig {
  return {
    retrySchedule: env.WEBHOOK_RETRY_SCHEDULE_SECONDS,
    timeoutMs: env.WEBHOOK_TIMEOUT_SECONDS * 1000,
    disableAfterMs: env.WEBHOOK_DISABLE_AFTER_HOURS * 3600_000,
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS,
  };
}

/** Delivery jobs taken at once by each of the DELIVERY_WORKERS (see startWorker). */
export const DELIVERY_BATCH = 100;
export const DELIVERY_WORKERS = 4;
/** Fan-out jobs taken at once: each batch is one transaction. */
export const FANOUT_BATCH = 100;

/** How often a worker checks for jobs due now (the delay between a commit and the first delivery attempt). */
export const WATCH_MS = 50;

/** The queues among `queues` holding a job that may run now. */
async function dueQueues(database: Database, queues: QueueName[]): Promise<Set<QueueName>> {
  const job = sql.raw(`${QUEUE_SCHEMA}.job`);
  const result = await database.db.execute(
    sql.join(
      queues.map((queue) => sql`(select ${queue}::text as name from ${job} where name = ${queue} and state < 'active' and start_after <= now() limit 1)`),
      sql` union all `,
    ),
  );
  return new Set(executedRows<{ name: QueueName }>(result).map((row) => row.name));
}

/** While the database is unreachable every poll fails: one line per outage and period, not a stack per poll. */
const UNAVAILABLE_LOG_EVERY_MS = 10_000;

/**
 * pg-boss reports each failed poll, maintenance pass and job-outcome update here and tries again by itself
 * (its loops never stop on an error), so an outage needs no action: only a log line while it lasts.
 */
function onQueueError(log: Logger) {
  let quietUntil = 0;
  return (error: unknown) => {
    const unavailable = describeDatabaseUnavailable(error);
    if (!unavailable) {
      log.warn({ err: errorForLog(error) }, "job queue error");
      return;
    }
    if (Date.now() < quietUntil) return;
    quietUntil = Date.now() + UNAVAILABLE_LOG_EVERY_MS;
    log.warn({ database: unavailable }, "database unavailable; jobs wait until it is back");
  };
}

export interface Worker {
  /** Stops taking jobs and waits (up to the timeout) for those in hand; unfinished ones are retried later. */
  stop(): Promise<void>;
}

/**
 * The background worker: event fan-out, webhook deliveries, and the recurring payment work, on pg-boss.
 * Runs as its own process (`npm run worker`, several at once are fine) or inside the app (embedded mode).
 */
export async function startWorker(database: Database, env: Env, log: Logger): Promise<Worker> {
  // Maintenance every 10 s: that is what returns a killed worker's expired jobs to the queue.
  // What is in flight — pg-boss's queries and our job handlers — for stop() to wait out (see there).
  let busy = 0;
  const track = async <T>(run: () => Promise<T>): Promise<T> => {
    busy += 1;
    try {
      return await run();
    } finally {
      busy -= 1;
    }
  };
  const queue = queueDb(database.db, database.exec);
  const boss = new PgBoss({ db: { executeSql: (text, values) => track(() => queue.executeSql(text, values)) }, schema: QUEUE_SCHEMA, migrate: false, supervise: true, schedule: false, maintenanceIntervalSeconds: 10 });
  boss.on("error", onQueueError(log));
  await boss.start();
  const db = database.db;
  const workUntracked = jobWorker(boss, log);
  const work = <S extends z.ZodObject>(job: JobDefinition<string, S>, options: WorkOptions, handler: (payloads: z.output<S>[]) => Promise<void>) =>
    workUntracked<S>(job, options, (payloads) => track(() => handler(payloads)));
  const config = deliveryConfig(env);
  const paymentContext = paymentContextFromEnv(env);
  const fast = { pollingIntervalSeconds: 0.5, batchSize: 10 };

  // pg-boss waits out its poll after every batch unless woken: a full batch means more are waiting, so
  // each worker wakes itself and a backlog drains at full speed.
  const wakeIfFull = (id: string | undefined, size: number, batchSize: number) => {
    if (id && size >= batchSize) boss.notifyWorker(id);
  };
  // Deliveries in batches of DELIVERY_BATCH, each batch sent at once and recorded in one transaction (see
  // deliverMessages); several batches in flight, so one slow endpoint (up to the 15 s timeout) holds up only
  // its own batch. At most DELIVERY_WORKERS × DELIVERY_BATCH requests out at once, ENDPOINT_CONCURRENCY of
  // them to any one endpoint.
  const deliverers: string[] = [];
  for (let i = 0; i < DELIVERY_WORKERS; i++) {
    const id: string = await work(JOBS.deliver, { pollingIntervalSeconds: 0.5, batchSize: DELIVERY_BATCH }, async (payloads) => {
      const outcomes = await deliverMessages(db, payloads, config);
      log.debug({ outcomes }, "webhook deliveries");
      wakeIfFull(id, payloads.length, DELIVERY_BATCH);
    });
    deliverers.push(id);
  }
  const fanout: string = await work(JOBS.fanout, { pollingIntervalSeconds: 0.5, batchSize: FANOUT_BATCH }, async (payloads) => {
    const queued = await fanoutEvents(db, payloads.map(({ eventId }) => eventId));
    // The deliveries just committed: fetch them now rather than at the next poll.
    if (queued > 0) deliverers.forEach((id) => boss.notifyWorker(id));
    wakeIfFull(fanout, payloads.length, FANOUT_BATCH);
  });

  // Emails and SMS: two workers of two, four sends at once — the SMTP pool's four connections — so no send
  // waits in nodemailer's queue past its claim (CLAIM_SECONDS) while a slow server answers the others.
  // A transport failure is recorded and the next attempt queued by sendMessage; a throw (the database away)
  // leaves the job to pg-boss's retry.
  const messaging = messagingFromEnv(env);
  const senders: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id: string = await work(JOBS.messageSend, { pollingIntervalSeconds: 0.5, batchSize: 2 }, async (payloads) => {
      // Each on its own: one message's database error must not fail (and so re-run) its batch-mates' sends.
      const outcomes = await Promise.allSettled(payloads.map(({ messageId, attempt }) => sendMessage(db, messaging, messageId, attempt)));
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
      log.debug({ outcomes: outcomes.map((o) => (o.status === "fulfilled" ? o.value : "error")) }, "messages sent");
      if (payloads.length >= 2) boss.notifyWorker(id);
      if (failed) throw failed.reason;
    });
    senders.push(id);
  }

  // Voids we recorded, sent to the processor after their commit; a failure throws, and pg-boss retries the job.
  await work(JOBS.processorVoid, fast, async (payloads) => {
    await Promise.all(payloads.map(({ paymentId, merchantId, livemode }) => sendProcessorVoid(db, paymentContext, { merchantId, livemode }, paymentId)));
  });

  // Recurring work: each run queues the next one. The queues keep at most one waiting, so however many
  // workers run, each task runs once per period.
  const recurring = async (job: ScheduledJob, everySeconds: number, task: () => Promise<unknown>, firstAfterSeconds = 1) => {
    await work(job, { pollingIntervalSeconds: Math.min(everySeconds, 2) }, async (runs) => {
      try {
        // A run whose stored data was refused (work() failed it) does not run the task; the next one is queued all the same.
        if (runs.length === 0) return;
        const result = await task();
        if (typeof result === "number" ? result > 0 : result) log.info({ task: job.name, result }, "scheduled task done");
      } finally {
        await enqueue(db, job, {}, { startAfterSeconds: everySeconds });
      }
    });
    // Refused when one is already waiting (the queue keeps one), so a restart keeps the existing schedule.
    await enqueue(db, job, {}, { startAfterSeconds: firstAfterSeconds });
  };
  // Each step on its own: one that fails (a processor down) is logged and the others still run.
  const step = async (name: string, task: () => Promise<number>) => {
    try {
      return await task();
    } catch (error) {
      log.warn({ step: name, err: errorForLog(error) }, "payments sweep step failed; it runs again next time");
      return 0;
    }
  };
  await recurring(JOBS.paymentsSweep, env.SCHEDULER_TICK_SECONDS, async () => {
    const done = {
      expired: await step("expire", () => expireOrders(db, paymentContext)),
      // Attempts whose answer was never recorded, once their connector call has certainly ended.
      recovered: await step("recover", () => recoverAuthorizations(db, paymentContext, env.CONNECTOR_TIMEOUT_SECONDS * 2)),
      capturesFinished: await step("captures", () => finishStalledCaptures(db, paymentContext, env.CONNECTOR_TIMEOUT_SECONDS * 2)),
      actionTimeouts: await step("action timeouts", () => failStalledPaymentActions(db, paymentContext, env.PAYMENT_ACTION_TIMEOUT_SECONDS)),
      refundsSubmitted: await step("refunds", () => submitRefunds(db, paymentContext)),
    };
    return Object.values(done).some((n) => n > 0) ? done : 0;
  });
  // What the processors do on their side, for those that run here: the simulator sends the notifications
  // that came due (bank transfers, QR payments and SEPA debits settling, refunds) to our inbound route, over HTTP.
  await recurring(JOBS.processorWork, env.SCHEDULER_TICK_SECONDS, async () => {
    const sent = await Promise.all(paymentContext.processors.all().map((c) => step(`${c.name} notifications`, () => c.runDue?.() ?? Promise.resolve(0))));
    const notificationsSent = sent.reduce((a, b) => a + b, 0);
    return notificationsSent > 0 ? { notificationsSent } : 0;
  });
  // Not at start-up: a restart must not settle (and so make un-voidable) payments minutes after they were made.
  await recurring(JOBS.settlement, env.SETTLEMENT_INTERVAL_SECONDS, () => settleOrders(db, paymentContext), env.SETTLEMENT_INTERVAL_SECONDS);
  await recurring(JOBS.maintenance, 600, () => runMaintenance(db));

  // Jobs due now are fetched within WATCH_MS of their commit, not at pg-boss's next 0.5 s poll: a cheap check
  // (pg-boss's own partial index on name and start_after) wakes the queue's workers when one is waiting.
  // The app does not NOTIFY at commit any more: see enqueue() in lib/jobs/queue.ts for why.
  const wake: [QueueName, string[]][] = [
    [JOBS.fanout.name, [fanout]],
    [JOBS.deliver.name, deliverers],
    [JOBS.messageSend.name, senders],
  ];
  let watching = false;
  const watcher = setInterval(() => {
    if (watching) return;
    watching = true;
    dueQueues(database, wake.map(([queue]) => queue))
      .then((due) => {
        for (const [queue, ids] of wake) if (due.has(queue)) ids.forEach((id) => boss.notifyWorker(id));
      })
      // The database is away: pg-boss's own polling reports it; the watch just tries again.
      .catch(() => {})
      .finally(() => {
        watching = false;
      });
  }, WATCH_MS);

  log.info("worker started");
  return {
    async stop() {
      clearInterval(watcher);
      await boss.stop({ graceful: true, wait: true, timeout: 20_000, close: false });
      // pg-boss answers once no job is active, but a worker may still be fetching: the jobs that fetch returns
      // run, and pg-boss then completes them without awaiting it. Closing the pool under them made those
      // queries fail as unhandled rejections (write CONNECTION_ENDED). Nothing is left running past this loop:
      // the workers' loops end after their current turn, and each step of a turn is counted in `busy`
      // (the steps follow each other in microtasks, which this timer-driven check never falls between).
      while (busy > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      messaging.email.close();
      closeConnections();
      log.info("worker stopped");
    },
  };
}
