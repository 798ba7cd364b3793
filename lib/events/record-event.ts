import { insertOnly } from "@/db/built-once";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { enqueue, JOBS } from "@/lib/jobs/queue";
import type { MerchantScope } from "@/lib/core/scope";
import type { EventType } from "./types";

export { EVENT_TYPES, type EventType } from "./types";

// Every change writes one: built once (db/built-once.ts).
const insertEvent = insertOnly("insert_event", events, ["id", "merchantId", "livemode", "type", "objectId", "data"]);

/**
 * Writes an event. Call it with the transaction that makes the change, so the change and its event commit
 * or roll back together.
 */
export async function recordEvent(
  tx: Db,
  scope: MerchantScope,
  type: EventType,
  object: { id: string } & Record<string, unknown>,
): Promise<string> {
  const id = newId("event");
  // Its fan-out job is queued in the same transaction: delivered if and only if the change commits. Both
  // statements are sent together (one round trip).
  await Promise.all([
    insertEvent(tx).execute({ id, merchantId: scope.merchantId, livemode: scope.livemode, type, objectId: object.id, data: { object } }),
    enqueue(tx, JOBS.fanout, { eventId: id }),
  ]);
  return id;
}
