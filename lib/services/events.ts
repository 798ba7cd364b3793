import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { listEventsSchema } from "@/lib/webhooks/schemas";
import { toEventObject, type EventObject } from "@/lib/webhooks/serialize";
import type { ListResult } from "@/lib/core/list-params";
import type { MerchantScope } from "@/lib/core/scope";

// Reading the events a merchant's changes recorded (the outbox that webhooks deliver from), as the API answers
// them. Always within one merchant and mode: another's event is answered like an unknown id.

/** A page of events, newest first (ids sort by creation), optionally of one type. */
export async function listEvents(db: Db, scope: MerchantScope, params: Record<string, string>): Promise<ListResult<EventObject>> {
  const p = listEventsSchema.parse(params);
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.merchantId, scope.merchantId),
        eq(events.livemode, scope.livemode),
        p.type ? eq(events.type, p.type) : undefined,
        p.starting_after ? lt(events.id, p.starting_after) : undefined,
      ),
    )
    .orderBy(desc(events.id))
    .limit(p.limit + 1);
  return { object: "list", url: "/api/v1/events", data: rows.slice(0, p.limit).map(toEventObject), has_more: rows.length > p.limit };
}

export async function getEvent(db: Db, scope: MerchantScope, id: string): Promise<EventObject> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eq(events.merchantId, scope.merchantId), eq(events.livemode, scope.livemode)))
    .limit(1);
  if (!row) throw new AppError("resource_missing", `No such event: '${id}'.`, { param: "id" });
  return toEventObject(row);
}
