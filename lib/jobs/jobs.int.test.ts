import { eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { expect, test } from "vitest";
import { executedRows } from "@/db/client";
import { events } from "@/db/schema";
import { parseEnv } from "@/lib/core/env";
import { recordEvent } from "@/lib/events/record-event";
import { createLogger } from "@/lib/logger";
import { openTestDatabase } from "@/test/db";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { JobPayloadError } from "./job";
import { enqueue, JOBS, QUEUE_SCHEMA, queueDb } from "./queue";
import { startWorker } from "./worker";

const database = await openTestDatabase();
const { db } = database;

async function job(id: string) {
  const [row] = executedRows<{ state: string; message: string | null }>(
    await db.execute(sql`select state::text as state, output->>'message' as message from pgboss.job where id = ${id}::uuid`),
  );
  return row;
}

test("a payload refused at enqueue rolls back the caller's transaction: neither the change nor any job is written", async () => {
  const scope = await newMerchantScope(db);
  let eventId = "";
  const change = db.transaction(async (tx) => {
    // The state change, and the fan-out job it queues itself…
    eventId = await recordEvent(tx, scope, "payment_link.created", { id: "plink_rolledback" });
    // …then a job whose payload has the right type but breaks its schema (attempts count from 1).
    await enqueue(tx, JOBS.deliver, { messageId: `msg_for_${eventId}`, attempt: 0 });
  });
  await expect(change).rejects.toThrow(JobPayloadError);
  await expect(change).rejects.toThrow('job "webhook-deliver": payload refused by its schema: attempt: Too small');
  expect(eventId).toMatch(/^evt_/);
  expect(await db.select().from(events).where(eq(events.id, eventId))).toEqual([]);
  const jobs = executedRows(
    await db.execute(sql`select id from pgboss.job where data->>'eventId' = ${eventId} or data->>'messageId' = ${`msg_for_${eventId}`}`),
  );
  expect(jobs).toEqual([]);
});

test("the worker fails a stored job whose data its schema refuses, without stopping, and works the rest of the batch", async () => {
  const scope = await newMerchantScope(db);
  // Jobs as another version of the app (or a hand-made insert) could leave them: sent through pg-boss itself,
  // past enqueue()'s check, in one transaction with a good one so that one worker fetches them together.
  const raw = new PgBoss({ db: queueDb(db), schema: QUEUE_SCHEMA });
  const { badType, badKey, good } = await db.transaction(async (tx) => {
    const send = (data: object) => raw.send(JOBS.fanout.name, data, { db: queueDb(tx) }).then((id) => id!);
    const eventId = await recordEvent(tx, scope, "payment_link.created", { id: "plink_batch" });
    const [row] = executedRows<{ id: string }>(await tx.execute(sql`select id::text as id from pgboss.job where data->>'eventId' = ${eventId}`));
    return { badType: await send({ eventId: 404 }), badKey: await send({ eventId, replay: true }), good: row!.id };
  });

  const env = parseEnv({ AUTH_SECRET: "x".repeat(32), APP_URL: "http://127.0.0.1:3999" });
  const worker = await startWorker(database, env, createLogger("silent"));
  try {
    // Failed by their schema (and retried by the queue's policy: 10 times, then failed for good).
    for (const [id, problem] of [
      [badType, "eventId: Invalid input: expected string, received number"],
      [badKey, '(payload): Unrecognized key: "replay"'],
    ] as const) {
      const refused = await waitFor(async () => {
        const row = await job(id);
        return row && (row.state === "retry" || row.state === "failed") ? row : null;
      }, 15_000, "the malformed job to be failed");
      expect(refused.message).toBe(`job "event-fanout": payload refused by its schema: ${problem}`);
    }
    await waitFor(async () => (await job(good))?.state === "completed", 15_000, "the good job to be done");
  } finally {
    // Resolves only if the worker is still there to stop.
    await worker.stop();
  }
});
