import type { Db } from "@/db/client";
import { findEvent } from "@/db/queries/webhooks";
import { AppError } from "@/lib/core/errors";
import type { MerchantScope } from "@/lib/core/scope";
import { toEventObject, type EventObject } from "@/lib/webhooks/serialize";

/** One of the merchant's events, as the API answers it; another merchant's (or mode's) reads as unknown. */
export async function getEvent(db: Db, scope: MerchantScope, id: string): Promise<EventObject> {
  const row = await findEvent(db, scope, id);
  if (!row) throw new AppError("resource_missing", `No such event: '${id}'.`, { param: "id" });
  return toEventObject(row);
}
