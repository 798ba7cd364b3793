import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { Logger } from "@/lib/logger";
import { readPayload, type JobDefinition, type JobPayloadError } from "./job";

/** What the typed worker needs of pg-boss (a started PgBoss): taking a queue's jobs, and failing one of them. */
export interface JobBoss {
  work<T>(name: string, options: PgBoss.WorkOptions, handler: PgBoss.WorkHandler<T>): Promise<string>;
  fail(name: string, id: string, data: object): Promise<void>;
}

export type WorkOptions = Pick<PgBoss.WorkOptions, "batchSize" | "pollingIntervalSeconds">;

/**
 * Typed job handlers on `boss`: `work(job, options, handler)` registers `handler` for the job's queue and
 * returns the pg-boss worker's id.
 *
 * The data of each job fetched is parsed with the job's schema first, and the handler is called once per
 * batch with the payloads that pass (parsed, so in the schema's output type; possibly none). A job whose data
 * its schema refuses is failed on its own, with one error log line naming the queue, the job id and what is
 * wrong (paths and zod's messages, never the values); the rest of its batch runs, and the worker goes on.
 * Failing follows the queue's retry policy: a job written by a newer version of the app (a key this version
 * does not know) may yet be taken by a newer worker.
 */
export function jobWorker(boss: JobBoss, log: Logger) {
  return function work<S extends z.ZodObject>(job: JobDefinition<string, S>, options: WorkOptions, handler: (payloads: z.output<S>[]) => Promise<void>): Promise<string> {
    return boss.work<unknown>(job.name, options, async (jobs) => {
      const payloads: z.output<S>[] = [];
      const refused: { id: string; error: JobPayloadError }[] = [];
      for (const { id, data } of jobs) {
        const read = readPayload(job, data);
        if (read.ok) payloads.push(read.payload);
        else refused.push({ id, error: read.error });
      }
      for (const { id, error } of refused) log.error({ queue: job.name, jobId: id, problems: error.problems }, "job data refused by its schema; the job is failed");
      await Promise.all(refused.map(({ id, error }) => boss.fail(job.name, id, { message: error.message })));
      await handler(payloads);
    });
  };
}
