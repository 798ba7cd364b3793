import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listSubscribedEndpoints } from "@/db/queries/webhooks";
import { events, webhookMessages } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { enqueueMany, JOBS } from "@/lib/jobs/queue";
import { scopeOf } from "@/lib/core/scope";
import { commitWithoutFlushWait } from "./deliver-webhook-message";

/**
 * Creates one message per matching endpoint (the event merchant's own, and its platform's `connect` ones) and
 * status callback, and queues their first attempts.
 */
export async function fanoutEvent(db: Db, eventId: string): Promise<number> {
  return fanoutEvents(db, [eventId]);
}

/**
 * fanoutEvent for a batch of events, in one transaction (the worker takes its fan-out jobs in batches): the
 * messages of every event in one insert, their first attempts' jobs in another. Returns how many messages were
 * made; events that do not exist make none.
 */
export async function fanoutEvents(db: Db, eventIds: readonly string[]): Promise<number> {
  if (eventIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    // A fan-out lost in a database crash runs again (its job is completed only after it): see commitWithoutFlushWait.
    await commitWithoutFlushWait(tx);
    const found = await tx.select().from(events).where(inArray(events.id, [...new Set(eventIds)]));
    // Events of one merchant, mode and type go to the same endpoints: asked once per batch.
    const subscribed = new Map<string, ReturnType<typeof listSubscribedEndpoints>>();
    const values = [];
    for (const event of found) {
      const key = `${event.merchantId}|${event.livemode}|${event.type}`;
      let endpoints = subscribed.get(key);
      if (!endpoints) subscribed.set(key, (endpoints = listSubscribedEndpoints(tx, scopeOf(event), event.type)));
      const callbackUrl = typeof event.data.object.status_callback_url === "string" ? event.data.object.status_callback_url : null;
      // A message belongs to its destination's owner: a platform's `connect` endpoint lists the deliveries of its
      // connected merchants' events among its own, and those merchants never see the platform's endpoints.
      values.push(
        ...[
          ...(await endpoints).map((e) => ({ ...scopeOf(e), endpointId: e.id, callbackUrl: null })),
          ...(callbackUrl ? [{ ...scopeOf(event), endpointId: null, callbackUrl }] : []),
        ].map((destination) => ({ id: newId("webhookMessage"), eventId: event.id, ...destination })),
      );
    }
    if (values.length === 0) return 0;
    // A fan-out that runs twice (a retried job) finds its messages already there and queues nothing more.
    const inserted = await tx.insert(webhookMessages).values(values).onConflictDoNothing().returning({ id: webhookMessages.id });
    await enqueueMany(
      tx,
      JOBS.deliver,
      inserted.map((message) => ({ payload: { messageId: message.id, attempt: 1 } })),
    );
    return inserted.length;
  });
}
