import type { Db } from "@/db/client";
import { listEvents as queryEvents } from "@/db/queries/webhooks";
import type { ListResult } from "@/lib/core/list-params";
import type { MerchantScope } from "@/lib/core/scope";
import { listEventsSchema } from "@/lib/webhooks/schemas";
import { toEventObject, type EventObject } from "@/lib/webhooks/serialize";

// Reading the events a merchant's changes recorded (the outbox that webhooks deliver from), as the API answers
// them. Always within one merchant and mode: another's event is answered like an unknown id.

/** A page of events, newest first (ids sort by creation), optionally of one type. */
export async function listEvents(db: Db, scope: MerchantScope, params: Record<string, string>): Promise<ListResult<EventObject>> {
  const p = listEventsSchema.parse(params);
  const { data, hasMore } = await queryEvents(db, scope, { type: p.type, startingAfter: p.starting_after, limit: p.limit });
  return { object: "list", url: "/api/v1/events", data: data.map(toEventObject), has_more: hasMore };
}
