// npm run worker — the background worker as its own process, next to one or more app processes on the
// same PostgreSQL database (several workers are fine). Stops gracefully on SIGTERM/SIGINT. Rides out the
// database restarting: pg-boss retries its polls by itself, and a database that is down at start-up is
// waited for.
import { databaseConfigFromEnv } from "@/db";
import { openDatabase } from "@/db/client";
import { describeDatabaseUnavailable } from "@/db/unavailable";
import { EnvError, getEnv } from "@/lib/core/env";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { errorForLog, logger } from "@/lib/logger";

let env;
try {
  env = getEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
const log = logger().child({ component: "worker", pid: process.pid });

// pg-boss 10.4.2 records a finished job without awaiting it (`this.complete(…)` in manager.js's onFetch), so
// a database that goes away at that moment rejects a promise nobody holds. The job stays active and is
// retried once it expires: the worker must live on. Any other unhandled rejection is a bug: exit.
process.on("unhandledRejection", (reason) => {
  const unavailable = describeDatabaseUnavailable(reason);
  if (unavailable) {
    log.warn({ database: unavailable }, "database unavailable under an unawaited query (a job's outcome); the job runs again after it expires");
    return;
  }
  log.fatal({ err: errorForLog(reason) }, "unhandled rejection");
  process.exit(1);
});

let stopping = false;
let worker: Worker | undefined;
// Opening connects nothing yet (postgres.js connects on the first query).
const database = await openDatabase(databaseConfigFromEnv());
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker shutting down");
    Promise.resolve(worker?.stop())
      .then(() => database.close())
      .catch((error) => log.error({ err: errorForLog(error) }, "error while stopping"))
      .finally(() => process.exit(0));
  });
}

for (let attempt = 1; ; attempt++) {
  try {
    await database.migrate();
    break;
  } catch (error) {
    const unavailable = describeDatabaseUnavailable(error);
    if (!unavailable) throw error;
    log.warn({ database: unavailable, attempt }, "database not reachable at start-up; retrying in 2 s");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
if (!stopping) worker = await startWorker(database, env, log);
