import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/db/client";
import { parseEnv } from "@/lib/core/env";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { createLogger } from "@/lib/logger";

/**
 * The real worker on `database` for the file's tests, delivering webhooks as it does in production but to local
 * receivers (private URLs allowed) and retrying after 1 s: started before the file's tests, stopped after them.
 */
export function runDeliveryWorker(database: Database): void {
  const env = parseEnv({
    AUTH_SECRET: "x".repeat(32),
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    WEBHOOK_RETRY_SCHEDULE_SECONDS: "1,1,1",
    SCHEDULER_TICK_SECONDS: "1",
    APP_URL: "http://127.0.0.1:3999",
  });
  let worker: Worker;
  beforeAll(async () => {
    worker = await startWorker(database, env, createLogger("silent"));
  });
  afterAll(() => worker.stop());
}
