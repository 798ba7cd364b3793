import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { executedRows } from "@/db/client";
import { events } from "@/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { openTestDatabase } from "@/test/db";
import { newMerchantScope } from "@/test/payments";
import { JobPayloadError } from "./job";
import { enqueue, JOBS } from "./queue";

const database = await openTestDatabase();
const { db } = database;

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
