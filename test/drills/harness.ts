// Helpers for the delivery drills: a fresh database per drill, and real worker / app processes that can be
// killed with SIGKILL at any moment.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql, type SQL } from "drizzle-orm";
import { executedRows, openPostgres, type Database } from "@/db/client";
import { createDatabase, dropDatabase } from "@/test/databases";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface DrillDatabase {
  name: string;
  url: string;
  database: Database;
  /** Closes the test's pool and drops the database (after every process on it is gone). */
  drop(): Promise<void>;
}

/** A fresh, migrated database of the drill's own: `paylink_drill_…`. */
export async function drillDatabase(poolSize = 10): Promise<DrillDatabase> {
  const { name, url } = await createDatabase("paylink_drill");
  const database = await openPostgres(url, poolSize);
  await database.migrate();
  return {
    name,
    url,
    database,
    async drop() {
      await database.close().catch(() => {});
      if (process.env.KEEP_TEST_DATABASE) console.log(`kept drill database ${name}`);
      else await dropDatabase(name);
    },
  };
}

export interface DrillProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Every line the process wrote (stdout and stderr), in order. */
  output: string[];
  /** The stdout lines that parse as JSON objects (pino logs, the app writer's reports). */
  json(): Record<string, unknown>[];
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** SIGKILL: no handler runs, nothing is flushed or committed. */
  kill(): Promise<void>;
  /** SIGTERM and wait (the worker stops gracefully), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves with the first JSON line that `match` accepts. */
  waitForJson(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

const running = new Set<DrillProcess>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a TypeScript entry point of the repository as ONE node process: `node --import tsx <script>`.
 *
 * Not `node node_modules/tsx/dist/cli.mjs <script>`: the tsx CLI runs the script in a child process of its
 * own and only relays the signals it can catch, so a SIGKILL sent to the CLI leaves the real worker running as
 * an orphan (checked by hand with tsx 4.23: the grandchild survives with ppid 1). The drills must kill the
 * process that holds the jobs.
 */
export function spawnScript(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): DrillProcess {
  return spawnNode(name, [...nodeArgs, "--import", "tsx", script], env);
}

/** Runs `node <args>` from the repository root with only the given environment (plus PATH and HOME). */
export function spawnNode(name: string, args: string[], env: Record<string, string>): DrillProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      ...env,
    },
  });
  const output: string[] = [];
  const jsonLines: Record<string, unknown>[] = [];
  const waiters = new Set<{ match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }>();
  const collect = (stream: NodeJS.ReadableStream, isStdout: boolean) => {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      rest += chunk;
      const lines = rest.split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (!line) continue;
        output.push(line);
        if (!isStdout || !line.startsWith("{")) continue;
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          jsonLines.push(parsed);
          for (const waiter of waiters) if (waiter.match(parsed)) waiter.resolve(parsed);
        } catch {
          // not JSON: kept in `output` only
        }
      }
    });
  };
  collect(child.stdout!, true);
  collect(child.stderr!, false);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const proc: DrillProcess = {
    name,
    child,
    pid: child.pid!,
    output,
    json: () => jsonLines,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      if (proc.isRunning()) child.kill("SIGKILL");
      await exited;
      if (pidAlive(proc.pid)) throw new Error(`${name} (pid ${proc.pid}) is still alive after SIGKILL`);
    },
    async stop(graceMs = 25_000) {
      if (!proc.isRunning()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
    waitForJson(match, timeoutMs = 30_000) {
      const found = jsonLines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (line: Record<string, unknown>) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: no matching line within ${timeoutMs} ms. Output:\n${output.slice(-30).join("\n")}`));
        }, timeoutMs);
        waiters.add(waiter);
        void exited.then(() => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(new Error(`${name} exited before a matching line. Output:\n${output.slice(-30).join("\n")}`));
        });
      });
    },
  };
  running.add(proc);
  void exited.then(() => running.delete(proc));
  return proc;
}

/** The environment every drill worker gets (the brief's), plus drill-specific overrides. */
export function workerEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "drill-secret-".padEnd(40, "x"),
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    WEBHOOK_RETRY_SCHEDULE_SECONDS: "1,1,1,1",
    LOG_LEVEL: "warn",
    APP_URL: "http://127.0.0.1:1",
    ...extra,
  };
}

/** `npm run worker` as a real process: scripts/worker.mts. */
export function spawnWorker(name: string, databaseUrl: string, extra: Record<string, string> = {}, nodeArgs: string[] = []): DrillProcess {
  return spawnScript(name, "scripts/worker.mts", workerEnv(databaseUrl, extra), nodeArgs);
}

/** The production build the drills and the benchmark serve: `NEXT_DIST_DIR`, normally `.next`. */
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

/** The environment of a drill's app instance: the same variables an operator sets, worker out of process. */
export function appEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...workerEnv(databaseUrl),
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    AUTH_TRUST_HOST: "true",
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_POOL_SIZE: "10",
    WORKER_IN_PROCESS: "false",
    // Drills and benchmarks send far more than a real client would on one key, and pay one link from one address.
    API_RATE_LIMIT_PER_SECOND: "1000000",
    CHECKOUT_MAX_SUBMISSIONS: "1000000000",
    ...extra,
  };
}

/**
 * The Node flags `npm start` runs the app with (package.json): a young generation of 64 MB instead of 16,
 * so the short-lived objects of each request die in fewer, shorter scavenges. Measured with `npm run bench`
 * on this 2-core machine (quick mode, one run each): bare page 173 → 215/s, checkout 113 → 170/s.
 */
export const APP_NODE_FLAGS = ["--max-semi-space-size=64"];

/**
 * `next start` on the production build as ONE process (Next 16 serves in the process it was started in, so a
 * SIGKILL takes the server down with nothing left behind), resolved once `GET /api/health` answers 200.
 */
export async function spawnApp(name: string, databaseUrl: string, port: number, extra: Record<string, string> = {}, nodeArgs: string[] = []): Promise<DrillProcess> {
  const nextBin = `${ROOT}node_modules/next/dist/bin/next`;
  const app = spawnNode(name, [...APP_NODE_FLAGS, ...nodeArgs, nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], appEnv(databaseUrl, port, extra));
  await waitForHealthy(app, `http://127.0.0.1:${port}`);
  return app;
}

/** Polls `GET /api/health` until it answers 200 (or the process dies, or `timeoutMs` passes). */
export async function waitForHealthy(app: DrillProcess, baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!app.isRunning()) throw new Error(`${app.name} exited while starting:\n${app.output.slice(-30).join("\n")}`);
    const ok = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${app.name} not healthy within ${timeoutMs} ms:\n${app.output.slice(-30).join("\n")}`);
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Kills whatever a drill left running (a failed assertion must not leave workers behind). */
export async function killAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.kill().catch(() => {})));
}

/** Rows of a raw query, on either driver. */
export async function rows<T extends Record<string, unknown>>(database: Database, query: SQL): Promise<T[]> {
  return executedRows<T>(await database.db.execute(query));
}

/** Jobs of a queue that could still run (created, retry or active). */
export async function pendingJobs(database: Database, queue: string): Promise<number> {
  const [row] = await rows<{ n: number }>(database, sql`select count(*)::int as n from pgboss.job where name = ${queue} and state in ('created', 'retry', 'active')`);
  return Number(row?.n ?? 0);
}

/**
 * Whether nothing is left in flight: no refund pending, no order processing, no message waiting (of one
 * merchant, when given) and no fan-out or delivery job queued. What a drill waits for before it counts.
 */
export async function nothingInFlight(database: Database, merchantId?: string): Promise<boolean> {
  const mine = merchantId ? sql`and merchant_id = ${merchantId}` : sql``;
  const [row] = await rows<{ n: number }>(
    database,
    sql`select (select count(*) from refunds where status = 'pending' ${mine})
      + (select count(*) from orders where status = 'processing' ${mine})
      + (select count(*) from webhook_messages where status = 'pending' ${mine})::int as n`,
  );
  const jobs = (await pendingJobs(database, "event-fanout")) + (await pendingJobs(database, "webhook-deliver"));
  return Number(row?.n ?? 0) + jobs === 0;
}

/** How many items share each key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    mean: Math.round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}
