// A throwaway PostgreSQL server of a drill's own: initdb into a fresh folder under /tmp, served on a free
// port of 127.0.0.1, stopped, crashed and restarted at will without touching the machine's shared server
// (127.0.0.1:5432, which the other tests and CI use). PostgreSQL's own binaries, run as child processes.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { appendFile, chown, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { freePort } from "./harness";

export type StopMode = "smart" | "fast" | "immediate";

export interface PrivatePostgres {
  port: number;
  /** The folder that holds the cluster (`data/`), its socket and its log (`server.log`). */
  dir: string;
  /** A connection URL for `database` on this server (user `postgres`, trust authentication). */
  url(database?: string): string;
  /** `pg_ctl start -w`: resolves once the server accepts connections (crash recovery included). */
  start(): Promise<void>;
  /** `pg_ctl stop -m <mode> -w` (default fast): resolves once the postmaster is gone. */
  stop(options?: { mode?: StopMode }): Promise<void>;
  /** `pg_ctl restart -m <mode> -w`. */
  restart(options?: { mode?: StopMode }): Promise<void>;
  /** `pg_isready`: whether the server accepts connections now. */
  isReady(): Promise<boolean>;
  createDatabase(name: string): Promise<string>;
  /** The server's own log so far. */
  log(): string;
  /** Stops the server (immediately, whatever state it is in) and deletes its folder. Safe to call twice. */
  cleanup(): Promise<void>;
}

function binDir(): string {
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    return "/usr/lib/postgresql/15/bin";
  }
}

/** initdb refuses to run as root: as root (here and in CI) the server runs as the `postgres` OS user. */
function osUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { name: "postgres", uid, gid };
}

interface Run {
  code: number | null;
  output: string;
}

/**
 * Runs a PostgreSQL tool without blocking the event loop (a drill's clients keep measuring meanwhile), and
 * waits for its exit, not for its pipes to close: `pg_ctl start` leaves a daemon behind.
 */
function runTool(bin: string, tool: string, args: string[], cwd: string, user: ReturnType<typeof osUser>): Promise<Run> {
  const file = path.join(bin, tool);
  const [command, argv] = user ? ["runuser", ["-u", user.name, "--", file, ...args]] : [file, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

async function mustRun(bin: string, tool: string, args: string[], cwd: string, user: ReturnType<typeof osUser>): Promise<string> {
  const run = await runTool(bin, tool, args, cwd, user);
  if (run.code !== 0) throw new Error(`${tool} ${args.join(" ")} failed (exit ${run.code}):\n${run.output}`);
  return run.output;
}

const started = new Set<string>();

/** The postmaster's pid while its folder says it runs (first line of postmaster.pid). */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Blocks the thread for `ms` (only in the exit path, where nothing asynchronous runs any more). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A test process that ends without its afterAll (a crash, Ctrl-C, a kill) must not leave servers running:
 * SIGQUIT is PostgreSQL's immediate shutdown, and it takes its children with it. Synchronous, for `exit`.
 */
function stopAllNow(): void {
  for (const dir of started) {
    const pid = postmasterPid(path.join(dir, "data"));
    if (pid && alive(pid)) {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        // already gone
      }
      for (let waited = 0; alive(pid) && waited < 5_000; waited += 50) sleepSync(50);
    }
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // best effort
    }
  }
  started.clear();
}
process.once("exit", stopAllNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopAllNow();
    process.kill(process.pid, signal); // once-listener gone: the default action ends the process as before
  });
}

/**
 * initdb (trust auth, user `postgres`) and start a private server. `fsync=off` only spares the disk: the
 * machine itself never crashes in a drill, and `synchronous_commit` stays on, so a COMMIT that returned is
 * in the WAL the server replays after a crash (`stop({ mode: "immediate" })`).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const user = osUser();
  const dir = await mkdtemp("/tmp/paylink-drill-pg-");
  started.add(dir);
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  const run = (tool: string, args: string[]) => mustRun(bin, tool, args, dir, user);

  const server: PrivatePostgres = {
    port,
    dir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await run("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60"]);
    },
    async stop({ mode = "fast" } = {}) {
      await run("pg_ctl", ["stop", "-D", dataDir, "-m", mode, "-w", "-t", "60"]);
    },
    async restart({ mode = "fast" } = {}) {
      await run("pg_ctl", ["restart", "-D", dataDir, "-l", logFile, "-m", mode, "-w", "-t", "60"]);
    },
    async isReady() {
      return (await runTool(bin, "pg_isready", ["-h", "127.0.0.1", "-p", String(port), "-t", "1"], dir, user)).code === 0;
    },
    async createDatabase(name) {
      const admin = postgres(server.url(), { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database "${name}"`);
      } finally {
        await admin.end({ timeout: 5 });
      }
      return server.url(name);
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    async cleanup() {
      if (!started.has(dir)) return;
      if (postmasterPid(dataDir)) {
        const stopped = await runTool(bin, "pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "30"], dir, user).catch(() => null);
        const pid = postmasterPid(dataDir);
        if (stopped?.code !== 0 && pid) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // already gone
          }
        }
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      started.delete(dir);
    },
  };

  try {
    if (user) await chown(dir, user.uid, user.gid);
    await run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
    // In postgresql.conf rather than on pg_ctl's command line, so every later start and restart keeps them.
    await appendFile(
      path.join(dataDir, "postgresql.conf"),
      [
        "",
        "# paylink drill: a private server",
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "fsync = off",
        "max_connections = 100",
        "log_min_messages = warning",
        "",
      ].join("\n"),
    );
    await server.start();
  } catch (error) {
    await server.cleanup().catch(() => {});
    throw error;
  }
  return server;
}
