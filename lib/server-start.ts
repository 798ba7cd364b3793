import { closeDatabase, getDatabase } from "@/db";
import { getEnv } from "@/lib/env";
import { startScheduler } from "@/lib/jobs/scheduler";
import { errorForLog, logger } from "@/lib/logger";

/**
 * Validates the environment, applies migrations and installs the shutdown hooks. A bad environment stops
 * the server here with a message naming the variable; an unreachable database does not (the health check
 * reports it and the next request tries again).
 */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const log = logger();
  try {
    const database = await getDatabase();
    log.info({ database: database.kind }, "database ready");
  } catch (error) {
    log.error({ err: errorForLog(error) }, "database not reachable at start-up; will retry on demand");
  }

  const stopScheduler = startScheduler(getDatabase, getEnv(), log);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    stopScheduler();
    log.info({ signal }, "shutting down");
    // PGlite must be closed cleanly or its data folder needs recovery on the next start.
    closeDatabase()
      .catch((error) => log.error({ err: errorForLog(error) }, "error while closing the database"))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
