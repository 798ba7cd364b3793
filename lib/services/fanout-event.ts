import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listSubscribedEndpoints } from "@/db/queries/webhooks";
import { events, webhookMessages } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { enqueue, JOBS } from "@/lib/jobs/queue";
import { scopeOf } from "@/lib/core/scope";

/**
 * Creates one message per matching endpoint (the event merchant's own, and its platform's `connect` ones) and
 * status callback, and queues their first attempts.
 */
export async function fanoutEvent(db: Db, eventId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    if (!event) return 0;
    const endpoints = await listSubscribedEndpoints(tx, scopeOf(event), event.type);
    const callbackUrl = typeof event.data.object.status_callback_url === "string" ? event.data.object.status_callback_url : null;
    // A message belongs to its destination's owner: a platform's `connect` endpoint lists the deliveries of its
    // connected merchants' events among its own, and those merchants never see the platform's endpoints.
    const values = [
      ...endpoints.map((e) => ({ ...scopeOf(e), endpointId: e.id, callbackUrl: null })),
      ...(callbackUrl ? [{ ...scopeOf(event), endpointId: null, callbackUrl }] : []),
    ].map((destination) => ({ id: newId("webhookMessage"), eventId: event.id, ...destination }));
    if (values.length === 0) return 0;
    // A fan-out that runs twice (a retried job) finds its messages already there and queues nothing more.
    const inserted = await tx.insert(webhookMessages).values(values).onConflictDoNothing().returning({ id: webhookMessages.id });
    for (const message of inserted) await enqueue(tx, JOBS.deliver, { messageId: message.id, attempt: 1 });
    return inserted.length;
  });
}
