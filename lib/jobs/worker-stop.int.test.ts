import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { openPostgres } from "@/db/client";
import { parseEnv } from "@/lib/core/env";
import { createLogger } from "@/lib/logger";
import { createDatabase, dropDatabase } from "@/test/databases";
import { enqueue, JOBS, QUEUE_SCHEMA } from "./queue";
import { startWorker } from "./worker";

// stop() must return only when nothing the worker started still runs: the app and the tests close the pool
// right after it. pg-boss's own stop() answers once no job is *active*, while a worker may still be fetching;
// the jobs that fetch returns then ran on a closed pool, and pg-boss completes (or fails) jobs without
// awaiting it — each failed query an unhandled "write CONNECTION_ENDED" rejection (it failed CI twice).

const env = parseEnv({ AUTH_SECRET: "x".repeat(32), APP_URL: "http://127.0.0.1:3999", SCHEDULER_TICK_SECONDS: "60" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("stop() called while the workers' fetches are under way waits for the jobs they return: closing the pool after it fails nothing", { timeout: 120_000 }, async () => {
  const { name, url } = await createDatabase("worker_stop");
  const rejections: unknown[] = [];
  const onRejection = (error: unknown) => rejections.push(error);
  process.on("unhandledRejection", onRejection);
  const locker = await openPostgres(url, 1);
  try {
    await locker.migrate();
    const database = await openPostgres(url, 6);
    const worker = await startWorker(database, env, createLogger("silent"));
    let stopped = false;
    let stopping: Promise<void> | undefined;
    // Jobs made in a transaction that holds the queue's table: every worker's next fetch waits on it, so stop()
    // is called with fetches under way, and those fetches then return the jobs.
    await locker.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`lock table ${QUEUE_SCHEMA}.job in access exclusive mode`));
      for (let i = 0; i < 20; i++) await enqueue(tx, JOBS.messageSend, { messageId: `msg_nothing${i}`, attempt: 1 });
      await sleep(1_200);
      stopping = worker.stop().then(() => {
        stopped = true;
      });
      await sleep(300);
      // Fetches are waiting on the lock: stop() must not have answered yet.
      expect(stopped).toBe(false);
    });
    await stopping;
    await database.close();
    await sleep(500);
  } finally {
    process.off("unhandledRejection", onRejection);
    await locker.close();
    await dropDatabase(name);
  }
  expect(rejections.map(String)).toEqual([]);
});
