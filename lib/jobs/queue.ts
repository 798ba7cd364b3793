import PgBoss from "pg-boss";
import type { z } from "zod";
import type { Database, Db } from "@/db/client";
import { JOBS } from "./definitions";
import { readPayload, type JobDefinition } from "./job";

// The job queue: pg-boss, on the application's own database connection (PostgreSQL or PGlite alike).
// pg-boss speaks to the database through `executeSql(text, values)`; the adapter below runs that on any
// drizzle handle — the pool, or a transaction. Enqueuing with the caller's transaction is what makes a job
// commit or roll back with the state change that caused it.

export const QUEUE_SCHEMA = "pgboss";

// What a caller needs to queue a job: enqueue() below and the jobs it takes.
export { JOBS } from "./definitions";

// pg serializes objects to JSON by itself; postgres.js and PGlite need it done for them.
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

interface DriverClient {
  unsafe?: (text: string, values: unknown[]) => Promise<Iterable<Record<string, unknown>>>;
  query?: (text: string, values: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * The driver connection behind a drizzle handle — the pool, or the transaction's own connection. pg-boss's
 * SQL must reach the driver as written: it reuses one positional parameter in several places and passes
 * arrays, which drizzle's own parameter binding would renumber and expand.
 */
function driverClient(db: Db): DriverClient {
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || (!client.unsafe && !client.query)) throw new Error("unsupported database driver for the job queue");
  return client;
}

export interface ExecuteSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * pg-boss's database interface over a drizzle handle. `exec` runs pg-boss's parameterless multi-statement
 * scripts (its schema migrations), which the extended query protocol refuses.
 */
export function queueDb(db: Db, exec?: (text: string) => Promise<Record<string, unknown>[]>): ExecuteSql {
  return {
    async executeSql(text, values) {
      if ((!values || values.length === 0) && exec) return { rows: await exec(text) };
      const client = driverClient(db);
      const params = (values ?? []).map(toParam);
      if (client.unsafe) return { rows: [...(await client.unsafe(text, params))] };
      return { rows: (await client.query!(text, params)).rows };
    },
  };
}

// An instance only for building and sending jobs: sending always goes through the caller's `db`, so this
// one never touches a connection of its own.
let sender: PgBoss | undefined;
function jobSender(): PgBoss {
  sender ??= new PgBoss({
    db: {
      executeSql: async () => {
        throw new Error("the job sender has no connection of its own; pass the transaction");
      },
    },
    schema: QUEUE_SCHEMA,
  });
  return sender;
}

export interface EnqueueOptions {
  /** Seconds to wait before the job may run. */
  startAfterSeconds?: number;
  singletonKey?: string;
}

/**
 * Queues a job in the caller's transaction: it runs only if that transaction commits.
 *
 * The payload is checked against the job's schema first: a payload it refuses throws a JobPayloadError
 * before anything is written, so the caller's transaction rolls back with it.
 *
 * No NOTIFY goes with it. PostgreSQL serializes the commits of all transactions that sent a NOTIFY (one
 * lock, held through the commit's disk flush, keeps the notification queue in commit order): measured with
 * pgbench on this machine, an insert with a NOTIFY committed at 0.25–0.4 × the rate of the same insert
 * without. Every payment and link creation carries an event, so that lock capped the whole write path.
 * Workers find due jobs with a cheap indexed check instead (lib/jobs/worker.ts, every 50 ms).
 */
export async function enqueue<S extends z.ZodObject>(tx: Db, job: JobDefinition<string, S>, payload: z.input<S>, options: EnqueueOptions = {}): Promise<string | null> {
  const read = readPayload(job, payload);
  if (!read.ok) throw read.error;
  return jobSender().send(job.name, payload, {
    db: queueDb(tx),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  });
}

/**
 * enqueue() for many jobs of one kind in one statement (pg-boss's insert): each payload is checked first, and
 * each job may start after its own delay. Nothing is written when `items` is empty.
 */
export async function enqueueMany<S extends z.ZodObject>(tx: Db, job: JobDefinition<string, S>, items: readonly { payload: z.input<S>; startAfterSeconds?: number }[]): Promise<void> {
  if (items.length === 0) return;
  for (const { payload } of items) {
    const read = readPayload(job, payload);
    if (!read.ok) throw read.error;
  }
  await jobSender().insert(
    items.map(({ payload, startAfterSeconds }) => ({ name: job.name, data: payload as object, ...(startAfterSeconds ? { startAfter: `${startAfterSeconds} seconds` } : {}) })),
    { db: queueDb(tx) },
  );
}

/**
 * Creates or upgrades pg-boss's schema and our queues. Runs with the app's migrations; safe to repeat and
 * (on PostgreSQL) serialized by the migration lock.
 */
export async function migrateQueue(database: Pick<Database, "db" | "exec">): Promise<void> {
  const boss = new PgBoss({ db: queueDb(database.db, database.exec), schema: QUEUE_SCHEMA, supervise: false, schedule: false, migrate: true });
  boss.on("error", () => {});
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  // Each job's queue, with the policy its definition gives (lib/jobs/definitions.ts). Options are applied
  // to existing queues too, so an upgrade takes the current values.
  for (const { name, queue } of Object.values(JOBS)) {
    if (existing.has(name)) await boss.updateQueue(name, queue as PgBoss.Queue);
    else await boss.createQueue(name, queue as PgBoss.Queue);
  }
  await boss.stop({ graceful: false, wait: true, close: false });
}
