import type { Db } from "@/db/client";
import { findMessage, listMessages as queryMessages } from "@/db/queries/messages";
import { AppError } from "@/lib/core/errors";
import type { ListResult } from "@/lib/core/list-params";
import type { MerchantScope } from "@/lib/core/scope";
import { listMessagesSchema } from "@/lib/messaging/schemas";
import { toMessageObject, type MessageObject } from "@/lib/messaging/serialize";

/** A page of the merchant's messages in this mode, newest first, with the contract's filters. */
export async function listMessages(db: Db, scope: MerchantScope, params: Record<string, string>): Promise<ListResult<MessageObject>> {
  const p = listMessagesSchema.parse(params);
  const { data, hasMore } = await queryMessages(db, scope, {
    paymentLinkId: p.payment_link,
    orderId: p.order,
    channel: p.channel,
    status: p.status,
    startingAfter: p.starting_after,
    limit: p.limit,
  });
  return { object: "list", url: "/api/v1/messages", data: data.map(toMessageObject), has_more: hasMore };
}

/** One message; another merchant's (or an account email) is answered as unknown. */
export async function getMessage(db: Db, scope: MerchantScope, id: string): Promise<MessageObject> {
  const row = await findMessage(db, scope, id);
  if (!row) throw new AppError("resource_missing", `No such message: '${id}'.`, { param: "id" });
  return toMessageObject(row);
}
