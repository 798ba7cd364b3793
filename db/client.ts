import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export { schema };
export type Schema = typeof schema;

/**
 * The handle every query and service takes first. A transaction is also a Db, so the same code runs inside
 * `db.transaction(...)` and outside it, on PostgreSQL and on PGlite alike.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize: number }
  | { kind: "pglite"; dataDir: string };

export interface Database {
  db: Db;
  kind: DatabaseConfig["kind"];
  /** Applies pending migrations (serialized across processes on PostgreSQL). */
  migrate(): Promise<void>;
  /** Runs parameterless SQL that may hold several statements (simple query protocol); returns the last rows. */
  exec(text: string): Promise<Record<string, unknown>[]>;
  /** Calls `onNotify` for every NOTIFY on `channel` (delivered at the notifying transaction's commit). */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Round trip to the server; rejects when it is unreachable. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The rows of `db.execute(sql…)` on either driver: postgres.js hands back the rows, PGlite an object holding them. */
export function executedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}

export const MIGRATIONS_FOLDER = "db/migrations";

/** pg-boss's own schema and our queues, created with the app's migrations (lib/jobs/queue.ts). */
async function migrateJobQueue(database: { db: Db; exec: (text: string) => Promise<Record<string, unknown>[]> }) {
  const { migrateQueue } = await import("@/lib/jobs/queue");
  await migrateQueue(database);
}

// Any fixed 64-bit number: every process that migrates takes this advisory lock first.
const MIGRATION_LOCK = 7_302_115_009;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Seconds postgres.js waits before its next connection attempt after `retries` failed ones in a row (the count
 * is the pool's, reset by a success). Its default grows as 3^n / 100 up to 20 s: while the server is down a
 * request first sits out that pause before it learns so, and once the server is back the pool may not try
 * again for up to 20 s. Half a second at most keeps both short; the jitter spreads the processes' attempts.
 */
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.025 * 2 ** retries, 0.5) * (0.5 + Math.random() / 2);
}

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { guardLostConnections } = await import("./lost-connection-guard");
  const { prepareStatements } = await import("./prepared-statements");
  const { isConnectionLost } = await import("./unavailable");
  const client = postgres(url, {
    max: poolSize,
    // Fail fast when the server is gone instead of queueing requests for minutes.
    connect_timeout: 5,
    backoff: reconnectDelaySeconds,
    idle_timeout: 60,
    // A transaction left open by a host that vanished (no FIN, no RST) holds its locks — an Idempotency-Key's
    // advisory lock among them — until TCP keepalive notices, two hours by default. No transaction of ours
    // waits on anything for a minute: the server ends such a session after 60 s idle in a transaction.
    // Every query is a prepared statement (./prepared-statements.ts), and PostgreSQL's default plan cache
    // applies: after five runs a statement keeps a generic plan when it estimates it no dearer, and is no longer
    // planned on each run (planning every run cost the API's creates about a fifth of their rate). The one
    // statement a generic plan hurts — a keyword search, which then scans every link for a keyword that matches
    // none (11 s on 1,000,000 links, 2 ms planned per keyword) — asks for its own plan (plannedPerRun).
    connection: { idle_in_transaction_session_timeout: 60_000 },
    onnotice: () => {},
  });
  // Every query with parameters prepared: one round trip instead of two (see prepared-statements.ts).
  const db = drizzle(prepareStatements(guardLostConnections(client)), { schema, casing: "snake_case" }) as unknown as Db;
  const exec = async (text: string) => {
    // Scripts may open their own transaction (BEGIN … COMMIT): they need one connection to themselves.
    const connection = await client.reserve();
    let lost = false;
    try {
      const result = await connection.unsafe(text).simple();
      const last = Array.isArray(result) && Array.isArray(result.at(-1)) ? result.at(-1) : result;
      return [...(last as Iterable<Record<string, unknown>>)];
    } catch (error) {
      lost = isConnectionLost(error);
      throw error;
    } finally {
      // A lost connection is already back in the pool as closed: releasing it would mark it open, and the
      // next query sent on it would hit postgres.js's null-socket crash (see lost-connection-guard.ts).
      if (!lost) connection.release();
    }
  };
  return {
    db,
    kind: "postgres",
    exec,
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, (payload) => onNotify(payload));
      return unlisten;
    },
    async migrate() {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      // drizzle's migrator takes no lock of its own; several app and worker processes start together.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migrate(drizzle(lockClient), { migrationsFolder: MIGRATIONS_FOLDER });
        await migrateJobQueue({ db, exec });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    async ping(timeoutMs = 2000) {
      await withTimeout(client`select 1`.execute(), timeoutMs, "database ping");
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * PGlite allows one process per data folder and does not check it itself; two processes writing the same
 * folder corrupt it. A lock file beside the folder holds the owner's pid; a stale one (dead pid) is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const { open, readFile, rm } = await import("node:fs/promises");
  const lockFile = `${dataDir.replace(/\/+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(lockFile, "utf8").catch(() => "")).trim());
      if (owner === process.pid) return async () => {};
      if (owner > 0 && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process first ` +
            `(PGlite allows one process per data folder), or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      await rm(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Opens PGlite in `dataDir` (a folder that survives restarts), or in memory when it is "memory://". */
export async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  // pg_trgm backs the keyword search's indexes (migration 0005); PGlite ships it but loads only what it is given.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  let unlock = async () => {};
  if (!dataDir.startsWith("memory://")) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  } catch (error) {
    await unlock();
    throw error;
  }
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  const exec = async (text: string) => {
    const results = await client.exec(text);
    return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
  };
  return {
    db,
    kind: "pglite",
    exec,
    async listen(channel, onNotify) {
      return client.listen(channel, onNotify);
    },
    async migrate() {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      // PGlite is single-process by design, so there is nobody to race with.
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
      await migrateJobQueue({ db, exec });
    },
    async ping(timeoutMs = 2000) {
      await withTimeout(client.query("select 1"), timeoutMs, "database ping");
    },
    async close() {
      if (!client.closed) await client.close();
      await unlock();
    },
  };
}

export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === "postgres" ? openPostgres(config.url, config.poolSize) : openPglite(config.dataDir);
}
