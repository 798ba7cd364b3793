import type PgBoss from "pg-boss";
import type { z } from "zod";

/** How pg-boss keeps a job's queue (retries, expiry, policy); applied by migrateQueue. */
export type QueuePolicy = Omit<PgBoss.Queue, "name">;

/**
 * One kind of background job: the name of its queue, the zod schema of its payload, and its queue's policy.
 * The schema is a strict object (an unknown key is an error, not silently dropped): `enqueue` checks a payload
 * against it before anything is written, and the worker checks each job's stored data against it again before
 * the handler sees it. What is stored is the payload as given (the schema's input); the handler receives the
 * parsed output.
 */
export interface JobDefinition<N extends string = string, S extends z.ZodObject = z.ZodObject> {
  readonly name: N;
  readonly schema: S;
  readonly queue: QueuePolicy;
}

export function defineJob<const N extends string, S extends z.ZodObject>(name: N, schema: S, queue: QueuePolicy): JobDefinition<N, S> {
  return { name, schema, queue };
}

/**
 * A payload its job's schema refuses. The message names the job and, for each problem, the path and zod's
 * message: zod's messages name the expected and received types and unknown keys, never the values given, so
 * the message is safe to log.
 */
export class JobPayloadError extends Error {
  constructor(
    readonly job: string,
    readonly problems: string,
  ) {
    super(`job "${job}": payload refused by its schema: ${problems}`);
    this.name = "JobPayloadError";
  }
}

/** A job's payload parsed with its schema, or the error saying why it is refused. */
export function readPayload<S extends z.ZodObject>(job: JobDefinition<string, S>, data: unknown): { ok: true; payload: z.output<S> } | { ok: false; error: JobPayloadError } {
  const parsed = job.schema.safeParse(data);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.map(String).join(".") : "(payload)"}: ${issue.message}`).join("; ");
  return { ok: false, error: new JobPayloadError(job.name, problems) };
}
