// The machine's own limit for the write the API does most: pgbench, 8 clients, single-row inserts into a copy
// of `payment_links` (same columns, defaults, checks and indexes), on the benchmark's database, for as long as
// the create-link scenario runs. The create-link rate is reported as a ratio of this.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const PGBENCH_TABLE = "bench_pgbench_links";

/** The copy of payment_links pgbench writes to (created by the caller's database handle). */
export const PGBENCH_SETUP_SQL = `drop table if exists ${PGBENCH_TABLE}; create table ${PGBENCH_TABLE} (like payment_links including all)`;

const SCRIPT = `
insert into ${PGBENCH_TABLE} (id, merchant_id, livemode, token, name, item_name, amount, currency, default_country, payment_methods, metadata)
values ('plink_' || md5(random()::text), 'mch_pgbench', false, md5(random()::text), 'Bench link', 'Bench item', 1000, 'USD', 'US', '{card}', '{"order":"1"}');
`;

export interface PgbenchResult {
  tps: number;
  clients: number;
  durationSeconds: number;
  latencyAverageMs: number | null;
  transactions: number;
}

export function pgbenchAvailable(): boolean {
  return spawnSync("pgbench", ["--version"], { encoding: "utf8" }).status === 0;
}

/** Runs pgbench against `databaseUrl` (a libpq URI); throws with its output if it fails. */
export function runPgbench(databaseUrl: string, durationSeconds: number, clients = 8): PgbenchResult {
  const dir = mkdtempSync(path.join(tmpdir(), "paylink-pgbench-"));
  try {
    const file = path.join(dir, "insert.sql");
    writeFileSync(file, SCRIPT);
    // -n: no vacuum of pgbench's own tables (there are none); -M prepared: like postgres.js, which prepares.
    const run = spawnSync("pgbench", ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(durationSeconds), "-f", file, databaseUrl], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`pgbench failed (exit ${run.status}): ${run.stderr || run.stdout}`);
    return parsePgbench(run.stdout, clients, durationSeconds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads pgbench's summary: "tps = 4321.0 (without initial connection time)" and friends. */
export function parsePgbench(output: string, clients: number, durationSeconds: number): PgbenchResult {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!tps) throw new Error(`no tps in pgbench output:\n${output}`);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  const transactions = /number of transactions actually processed: (\d+)/.exec(output);
  return {
    tps: Math.round(Number(tps[1])),
    clients,
    durationSeconds,
    latencyAverageMs: latency ? Number(latency[1]) : null,
    transactions: transactions ? Number(transactions[1]) : 0,
  };
}
