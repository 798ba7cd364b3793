import { closeDatabase, getDatabase } from "@/db";
import { getEnv } from "@/lib/core/env";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { errorForLog, logger } from "@/lib/logger";

/**
 * Validates the environment, applies migrations, starts the in-process worker when configured (always with
 * the embedded database, which allows one process) and installs the shutdown hooks. A bad environment stops
 * the server here with a message naming the variable; an unreachable database does not (the health check
 * reports it, requests retry, and the worker starts once it answers).
 */
export async function startServer(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const log = logger();
  const inProcess = env.WORKER_IN_PROCESS || !env.DATABASE_URL;
  let worker: Worker | null = null;
  let closing = false;

  const bringUp = async () => {
    try {
      const database = await getDatabase();
      log.info({ database: database.kind }, "database ready");
      if (inProcess && !closing) worker = await startWorker(database, env, log.child({ component: "worker" }));
    } catch (error) {
      log.error({ err: errorForLog(error) }, "database not reachable at start-up; retrying in 5 s");
      setTimeout(() => void bringUp(), 5000).unref();
    }
  };
  await bringUp();

  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down");
    // Jobs in hand finish (or are retried later); PGlite must then be closed cleanly.
    Promise.resolve(worker?.stop())
      .then(() => closeDatabase())
      .catch((error) => log.error({ err: errorForLog(error) }, "error while shutting down"))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
