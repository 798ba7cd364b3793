import { expect, test } from "vitest";
import { openPostgres } from "@/db/client";
import { parseEnv } from "@/lib/core/env";
import { createLogger } from "@/lib/logger";
import { createDatabase, dropDatabase } from "@/test/databases";
import { enqueue, JOBS } from "./queue";
import { startWorker } from "./worker";

// stop() must return only when nothing the worker started still runs: the app and the tests close the pool
// right after it. pg-boss's own stop() answers once no job is *active*, while a worker may still be fetching;
// the jobs that fetch returns then ran on a closed pool, and pg-boss completes jobs without awaiting it — each
// failed query an unhandled "write CONNECTION_ENDED" rejection (it failed CI twice, at a test file's end).

const env = parseEnv({ AUTH_SECRET: "x".repeat(32), APP_URL: "http://127.0.0.1:3999", SCHEDULER_TICK_SECONDS: "60" });

test("a worker stopped mid-stream leaves no query behind: closing the pool right after stop() fails nothing", { timeout: 120_000 }, async () => {
  const { name, url } = await createDatabase("worker_stop");
  const rejections: unknown[] = [];
  const onRejection = (error: unknown) => rejections.push(error);
  process.on("unhandledRejection", onRejection);
  try {
    for (let round = 0; round < 6; round++) {
      const database = await openPostgres(url, 4);
      if (round === 0) await database.migrate();
      // A steady stream of cheap jobs (sends of messages that do not exist: claimed by nobody, skipped).
      let feeding = true;
      const feed = (async () => {
        for (let i = 0; feeding; i++) {
          await enqueue(database.db, JOBS.messageSend, { messageId: `msg_nothing${round}x${i}`, attempt: 1 });
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const worker = await startWorker(database, env, createLogger("silent"));
      // Stop at a different point of the workers' fetch-run-complete turn each round.
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 97));
      feeding = false;
      await feed;
      await worker.stop();
      await database.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    process.off("unhandledRejection", onRejection);
    await dropDatabase(name);
  }
  expect(rejections.map(String)).toEqual([]);
});
