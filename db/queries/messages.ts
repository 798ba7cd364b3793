import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages, messageStatusChanges, type MessageRow } from "@/db/schema";
import type { MessageChannel, MessageStatus } from "@/lib/core/statuses";
import { whereScope, type MerchantScope } from "@/lib/core/scope";

export interface MessageFilters {
  paymentLinkId?: string;
  orderId?: string;
  channel?: MessageChannel;
  status?: MessageStatus;
  startingAfter?: string;
  limit: number;
}

/** A merchant's messages in one mode, newest first (ids sort by creation). */
export async function listMessages(db: Db, scope: MerchantScope, filters: MessageFilters): Promise<{ data: MessageRow[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        whereScope(messages, scope),
        filters.paymentLinkId ? eq(messages.paymentLinkId, filters.paymentLinkId) : undefined,
        filters.orderId ? eq(messages.orderId, filters.orderId) : undefined,
        filters.channel ? eq(messages.channel, filters.channel) : undefined,
        filters.status ? eq(messages.status, filters.status) : undefined,
        filters.startingAfter ? lt(messages.id, filters.startingAfter) : undefined,
      ),
    )
    .orderBy(desc(messages.id))
    .limit(filters.limit + 1);
  return { data: rows.slice(0, filters.limit), hasMore: rows.length > filters.limit };
}

export async function findMessage(db: Db, scope: MerchantScope, id: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(messages).where(and(whereScope(messages, scope), eq(messages.id, id))).limit(1);
  return row ?? null;
}

/** A message's status history, oldest first. Call it with a message already found within its scope. */
export async function listStatusChanges(db: Db, messageId: string) {
  return db.select().from(messageStatusChanges).where(eq(messageStatusChanges.messageId, messageId)).orderBy(asc(messageStatusChanges.id));
}

/** The outbox page's view: every message, account emails included, newest first. Development only (see outboxPageEnabled). */
export async function listOutbox(db: Db, params: { accountOnly?: boolean; startingAfter?: string; limit: number }): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(and(params.accountOnly ? isNull(messages.merchantId) : undefined, params.startingAfter ? lt(messages.id, params.startingAfter) : undefined))
    .orderBy(desc(messages.id))
    .limit(params.limit);
}

export async function findAnyMessage(db: Db, id: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row ?? null;
}
