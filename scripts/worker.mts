// npm run worker — the background worker as its own process, next to one or more app processes on the
// same PostgreSQL database (several workers are fine). Stops gracefully on SIGTERM/SIGINT.
import { databaseConfigFromEnv } from "@/db";
import { openDatabase } from "@/db/client";
import { EnvError, getEnv } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";
import { errorForLog, logger } from "@/lib/logger";

let env;
try {
  env = getEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
const log = logger().child({ component: "worker", pid: process.pid });
const database = await openDatabase(databaseConfigFromEnv());
await database.migrate();
const worker = await startWorker(database, env, log);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker shutting down");
    worker
      .stop()
      .then(() => database.close())
      .catch((error) => log.error({ err: errorForLog(error) }, "error while stopping"))
      .finally(() => process.exit(0));
  });
}
