import { describe, expect, test } from "vitest";
import type { Db } from "@/db/client";
import { JOBS } from "./definitions";
import { JobPayloadError, readPayload } from "./job";
import { enqueue } from "./queue";

// A payload each job takes: one per job, so a new job cannot go without its checks below.
const valid: { [K in keyof typeof JOBS]: object } = {
  fanout: { eventId: "evt_1" },
  deliver: { messageId: "msg_1", attempt: 1 },
  processorVoid: { paymentId: "pay_1", merchantId: "mer_1", livemode: false },
  messageSend: { messageId: "msg_1", attempt: 1 },
  paymentsSweep: {},
  processorWork: {},
  settlement: {},
  maintenance: {},
};

describe("job definitions", () => {
  test("keep the queue names and queue policies they had", () => {
    expect(Object.values(JOBS).map(({ name, queue }) => ({ name, queue }))).toEqual([
      { name: "event-fanout", queue: { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 30 } },
      { name: "webhook-deliver", queue: { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 45 } },
      { name: "processor-void", queue: { retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 } },
      { name: "message-send", queue: { retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 } },
      { name: "payments-sweep", queue: { policy: "stately", retryLimit: 0, expireInSeconds: 30 } },
      { name: "processor-work", queue: { policy: "stately", retryLimit: 0, expireInSeconds: 30 } },
      { name: "settlement", queue: { policy: "stately", retryLimit: 3, expireInSeconds: 600 } },
      { name: "maintenance", queue: { policy: "stately", retryLimit: 0, expireInSeconds: 120 } },
    ]);
  });

  test.each(Object.keys(JOBS) as (keyof typeof JOBS)[])("%s takes its payload and refuses an unknown key (strict)", (key) => {
    const job = JOBS[key];
    expect(readPayload(job, valid[key])).toEqual({ ok: true, payload: valid[key] });
    const extra = readPayload(job, { ...valid[key], surprise: 1 });
    expect(extra.ok).toBe(false);
  });

  test("a delivery queued before `attempt` existed is still taken", () => {
    expect(readPayload(JOBS.deliver, { messageId: "msg_1" })).toEqual({ ok: true, payload: { messageId: "msg_1" } });
  });
});

describe("enqueue", () => {
  // No database: a payload that passed its check would fail on this handle with another error.
  const noDatabase = {} as Db;

  test("refuses a bad payload with an error naming the job and the problem, before touching the database", async () => {
    // @ts-expect-error -- the payload's type comes from the job's schema: messageId is a string.
    const wrongType = enqueue(noDatabase, JOBS.deliver, { messageId: 42, attempt: 1 });
    await expect(wrongType).rejects.toThrow(JobPayloadError);
    await expect(wrongType).rejects.toThrow('job "webhook-deliver": payload refused by its schema: messageId: Invalid input: expected string, received number');
    // @ts-expect-error -- eventId is required.
    await expect(enqueue(noDatabase, JOBS.fanout, {})).rejects.toThrow('job "event-fanout": payload refused by its schema: eventId: Invalid input: expected string, received undefined');
    // @ts-expect-error -- scheduled jobs carry nothing.
    await expect(enqueue(noDatabase, JOBS.maintenance, { now: true })).rejects.toThrow(JobPayloadError);
  });

  test("the error names an unknown key but never shows the values given", async () => {
    const error = await enqueue(noDatabase, JOBS.deliver, { messageId: "msg_1", attempt: 0.5, callbackSecret: "whsec_do-not-log-me" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobPayloadError);
    const { message } = error as JobPayloadError;
    expect(message).toContain("attempt: Invalid input: expected int, received number");
    expect(message).toContain('(payload): Unrecognized key: "callbackSecret"');
    expect(message).not.toContain("whsec_do-not-log-me");
    expect(message).not.toContain("0.5");
  });

  test("a good payload gets past the check (and then needs a database)", async () => {
    await expect(enqueue(noDatabase, JOBS.deliver, { messageId: "msg_1", attempt: 1 })).rejects.toThrow("unsupported database driver for the job queue");
  });
});
