// `npm run bench -- --runs=N`: the whole benchmark N times, one after another, each a separate process on a
// fresh database (as a single run is), then each target's median across the runs (report.ts `medians`).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "@/test/drills/harness";
import { formatTable, medians, missedCorrectness, type Figures } from "./report.ts";

export async function runRepeated(runs: number, argv: string[]): Promise<number> {
  const once = argv.filter((a) => !a.startsWith("--runs"));
  const latest = path.join(ROOT, ".paylink", "bench", "latest.json");
  const all: Figures[] = [];
  let status = 0;
  for (let i = 1; i <= runs; i++) {
    console.log(`\n=== run ${i} of ${runs} ===`);
    // After the first run the build is there: the others serve the same one.
    const env = i === 1 ? process.env : { ...process.env, SKIP_BUILD: "1" };
    // A run that dies before writing its figures must not count the previous run's twice.
    rmSync(latest, { force: true });
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...once], { cwd: ROOT, stdio: "inherit", env });
    if (run.status !== 0) status = 1;
    if (!existsSync(latest)) {
      console.error(`run ${i} wrote no figures (exit ${run.status ?? run.signal}): left out of the medians`);
      continue;
    }
    all.push(JSON.parse(readFileSync(latest, "utf8")) as Figures);
  }
  const rows = medians(all.map((f) => f.targets ?? []));
  console.log(`\n=== medians of ${runs} runs ===\n${formatTable(rows)}\n`);
  const out = path.join(ROOT, ".paylink", "bench", `medians-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, `${JSON.stringify({ runs: all.map((f) => ({ started_at: f.started_at, targets: f.targets, memory_mb: f.memory_mb, problems: f.problems })), medians: rows }, null, 2)}\n`);
  writeFileSync(path.join(ROOT, ".paylink", "bench", "medians-latest.json"), readFileSync(out));
  console.log(`written to ${path.relative(ROOT, out)}`);
  const missed = rows.filter((r) => r.met === false);
  if (missed.length > 0) console.log(`${missed.length} target(s) missed by the median.`);
  if (once.includes("--strict") && missedCorrectness(rows).length > 0) status = 1;
  return status;
}
