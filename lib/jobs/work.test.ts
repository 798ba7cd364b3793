import type PgBoss from "pg-boss";
import { expect, test } from "vitest";
import { z } from "zod";
import { createLogger } from "@/lib/logger";
import { captureLog } from "@/test/log";
import { JOBS } from "./definitions";
import { defineJob } from "./job";
import { jobWorker, type JobBoss } from "./work";

/** pg-boss's side of work(): keeps each queue's callback, so a test can hand it a fetched batch; records fails. */
function fakeBoss() {
  const callbacks = new Map<string, PgBoss.WorkHandler<unknown>>();
  const failed: { name: string; id: string; data: object }[] = [];
  const boss: JobBoss = {
    async work(name, _options, handler) {
      callbacks.set(name, handler as PgBoss.WorkHandler<unknown>);
      return `worker-${name}`;
    },
    async fail(name, id, data) {
      failed.push({ name, id, data });
    },
  };
  const fetched = (name: string, jobs: { id: string; data: unknown }[]) => callbacks.get(name)!(jobs.map((job) => ({ ...job, name, expireInSeconds: 30 })));
  return { boss, failed, fetched };
}

function capturedLog() {
  const { lines, stream } = captureLog();
  return { log: createLogger("info", stream), lines };
}

test("the handler receives each job's data parsed by the job's schema (its output type)", async () => {
  const { boss, fetched } = fakeBoss();
  const counted = defineJob("counted", z.strictObject({ count: z.string().transform(Number), label: z.string().default("none") }), {});
  const received: { count: number; label: string }[][] = [];
  const id = await jobWorker(boss, capturedLog().log)(counted, { batchSize: 10 }, async (payloads) => {
    received.push(payloads);
  });
  expect(id).toBe("worker-counted");
  await fetched("counted", [
    { id: "a", data: { count: "3" } },
    { id: "b", data: { count: "4", label: "four" } },
  ]);
  expect(received).toEqual([
    [
      { count: 3, label: "none" },
      { count: 4, label: "four" },
    ],
  ]);
});

test("a job whose stored data its schema refuses is failed alone, logged without its values, and its batch runs on", async () => {
  const { boss, failed, fetched } = fakeBoss();
  const { log, lines } = capturedLog();
  const received: string[] = [];
  await jobWorker(boss, log)(JOBS.fanout, { batchSize: 10 }, async (payloads) => {
    received.push(...payloads.map((p) => p.eventId));
  });
  await fetched(JOBS.fanout.name, [
    { id: "good-1", data: { eventId: "evt_1" } },
    { id: "bad-type", data: { eventId: 12345678 } },
    { id: "bad-key", data: { eventId: "evt_2", apiSecret: "whsec_never-in-a-log" } },
    { id: "good-2", data: { eventId: "evt_3" } },
  ]);
  expect(received).toEqual(["evt_1", "evt_3"]);
  expect(failed.map(({ name, id }) => `${name}/${id}`)).toEqual(["event-fanout/bad-type", "event-fanout/bad-key"]);
  expect(failed[0]!.data).toEqual({ message: 'job "event-fanout": payload refused by its schema: eventId: Invalid input: expected string, received number' });
  expect(lines.map(({ level, msg, queue, jobId }) => ({ level, msg, queue, jobId }))).toEqual([
    { level: "error", msg: "job data refused by its schema; the job is failed", queue: "event-fanout", jobId: "bad-type" },
    { level: "error", msg: "job data refused by its schema; the job is failed", queue: "event-fanout", jobId: "bad-key" },
  ]);
  expect(lines[1]!.problems).toBe('(payload): Unrecognized key: "apiSecret"');
  const text = JSON.stringify(lines) + JSON.stringify(failed);
  expect(text).not.toContain("12345678");
  expect(text).not.toContain("whsec_never-in-a-log");
});

test("a scheduled run with refused data still calls the handler (with nothing), so the next run gets queued", async () => {
  const { boss, failed, fetched } = fakeBoss();
  const calls: unknown[][] = [];
  await jobWorker(boss, capturedLog().log)(JOBS.maintenance, {}, async (runs) => {
    calls.push(runs);
  });
  await fetched(JOBS.maintenance.name, [{ id: "odd", data: { now: true } }]);
  expect(calls).toEqual([[]]);
  expect(failed.map((f) => f.id)).toEqual(["odd"]);
});

test("a handler's own error still fails the batch, as pg-boss does without us", async () => {
  const { boss, fetched } = fakeBoss();
  await jobWorker(boss, capturedLog().log)(JOBS.deliver, {}, async () => {
    throw new Error("endpoint lookup failed");
  });
  await expect(fetched(JOBS.deliver.name, [{ id: "a", data: { messageId: "msg_1", attempt: 1 } }])).rejects.toThrow("endpoint lookup failed");
});
