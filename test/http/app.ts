// One real app process per test file, for tests that must go over HTTP: the production build served by
// `next start` exactly as `npm start` does, on a fresh database, with the operator's defaults unless the file
// says otherwise (no private webhook URLs, real throttling, no proxy trusted, live mode without a processor).
import { afterAll } from "vitest";
import type { Database } from "@/db/client";
import { drillDatabase, freePort, killAll, spawnApp, type DrillProcess } from "@/test/drills/harness";
import { HttpClient } from "./client";

export interface RunningApp {
  baseUrl: string;
  database: Database;
  process: DrillProcess;
  /** A client connecting from a loopback address of its own (127.1.x.y), so its throttling counters are its own. */
  client(): HttpClient;
}

let clients = 0;

/** Starts the app for this file (stopped and its database dropped after the file's tests). */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const drill = await drillDatabase(4);
  const port = await freePort();
  const app = await spawnApp("app", drill.url, port, {
    // The operator's defaults: what appEnv() loosens for the drills is put back.
    WEBHOOK_ALLOW_PRIVATE_URLS: "false",
    API_RATE_LIMIT_PER_SECOND: "100",
    CHECKOUT_MAX_SUBMISSIONS: "20",
    WORKER_IN_PROCESS: "true",
    LOG_LEVEL: "info",
    ...env,
  });
  afterAll(async () => {
    await app.stop(10_000);
    await killAll();
    await drill.drop();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    database: drill.database,
    process: app,
    client: () => {
      clients += 1;
      return new HttpClient(baseUrl, `127.1.${Math.floor(clients / 200)}.${(clients % 200) + 1}`);
    },
  };
}
