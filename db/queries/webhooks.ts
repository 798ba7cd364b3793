import { and, arrayContains, asc, desc, eq, inArray, isNotNull, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "@/lib/core/errors";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import type { Db } from "../client";
import { events, merchants, webhookAttempts, webhookEndpoints, webhookMessages, type EventRow, type WebhookAttemptRow, type WebhookEndpointRow, type WebhookMessageRow } from "../schema";

// What the dashboard reads of events and deliveries. Every query takes the merchant and the mode: another
// merchant's id, or one of the other mode, finds nothing.


/**
 * What the delivery worker needs for each of these messages, in one query: the message, its endpoint and its
 * event, each joined within the message's own merchant and mode (a `connect` endpoint's connected-merchant event
 * is not among them: see findConnectedEvent). Messages that do not exist are absent.
 */
export async function findDeliveries(
  db: Db,
  messageIds: string[],
): Promise<{ message: WebhookMessageRow; endpoint: WebhookEndpointRow | null; event: EventRow | null }[]> {
  if (messageIds.length === 0) return [];
  return db
    .select({ message: webhookMessages, endpoint: webhookEndpoints, event: events })
    .from(webhookMessages)
    .leftJoin(
      webhookEndpoints,
      and(eq(webhookEndpoints.id, webhookMessages.endpointId), eq(webhookEndpoints.merchantId, webhookMessages.merchantId), eq(webhookEndpoints.livemode, webhookMessages.livemode)),
    )
    .leftJoin(events, and(eq(events.id, webhookMessages.eventId), eq(events.merchantId, webhookMessages.merchantId), eq(events.livemode, webhookMessages.livemode)))
    .where(inArray(webhookMessages.id, messageIds));
}

/** One page of the merchant's events, newest first (ids sort by creation), optionally of one type. */
export async function listEvents(
  db: Db,
  scope: MerchantScope,
  params: { type?: string; startingAfter?: string; limit: number },
): Promise<{ data: EventRow[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        whereScope(events, scope),
        params.type ? eq(events.type, params.type) : undefined,
        params.startingAfter ? lt(events.id, params.startingAfter) : undefined,
      ),
    )
    .orderBy(desc(events.id))
    .limit(params.limit + 1);
  return { data: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

export async function findEvent(db: Db, scope: MerchantScope, id: string): Promise<EventRow | null> {
  const [row] = await db.select().from(events).where(and(whereScope(events, scope), eq(events.id, id))).limit(1);
  return row ?? null;
}

/** A delivery as the dashboard lists it: the message, its attempts in order, what it carried and where to. */
export interface DeliveryRow {
  message: WebhookMessageRow;
  eventType: string;
  /** Whose event: the message's own merchant, or (on a platform's `connect` endpoint) a connected merchant. */
  eventMerchantId: string;
  /** The endpoint's URL, or null for a status callback (whose URL is on the message). */
  endpointUrl: string | null;
  attempts: WebhookAttemptRow[];
}

const deliveryColumns = { message: webhookMessages, eventType: events.type, eventMerchantId: events.merchantId, endpointUrl: webhookEndpoints.url };

async function withAttempts(db: Db, rows: Omit<DeliveryRow, "attempts">[]): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.messageId, rows.map((r) => r.message.id)))
    .orderBy(asc(webhookAttempts.attemptNumber), asc(webhookAttempts.id));
  return rows.map((row) => ({ ...row, attempts: attempts.filter((a) => a.messageId === row.message.id) }));
}

/** The endpoint's deliveries, newest first, a page at a time (resends are deliveries of their own). */
export async function listEndpointDeliveries(
  db: Db,
  scope: MerchantScope,
  endpointId: string,
  params: { startingAfter?: string; limit: number },
): Promise<{ data: DeliveryRow[]; hasMore: boolean }> {
  const rows = await db
    .select(deliveryColumns)
    .from(webhookMessages)
    .innerJoin(events, eq(events.id, webhookMessages.eventId))
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookMessages.endpointId))
    .where(
      and(
        whereScope(webhookMessages, scope),
        eq(webhookMessages.endpointId, endpointId),
        params.startingAfter ? lt(webhookMessages.id, params.startingAfter) : undefined,
      ),
    )
    .orderBy(desc(webhookMessages.id))
    .limit(params.limit + 1);
  return { data: await withAttempts(db, rows.slice(0, params.limit)), hasMore: rows.length > params.limit };
}

/** Every delivery of one event, to endpoints and to a status callback URL, oldest first. */
export async function listEventDeliveries(db: Db, scope: MerchantScope, eventId: string): Promise<DeliveryRow[]> {
  const rows = await db
    .select(deliveryColumns)
    .from(webhookMessages)
    .innerJoin(events, eq(events.id, webhookMessages.eventId))
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookMessages.endpointId))
    .where(and(whereScope(webhookMessages, scope), eq(webhookMessages.eventId, eventId)))
    .orderBy(asc(webhookMessages.id));
  return withAttempts(db, rows);
}

export interface EndpointHealth {
  id: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
}

/** The endpoints that need attention: disabled (by the platform or a person), or failing since a time. */
export async function listUnhealthyEndpoints(db: Db, scope: MerchantScope): Promise<EndpointHealth[]> {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      enabled: webhookEndpoints.enabled,
      disabledReason: webhookEndpoints.disabledReason,
      failingSince: webhookEndpoints.failingSince,
    })
    .from(webhookEndpoints)
    .where(
      and(whereScope(webhookEndpoints, scope), or(eq(webhookEndpoints.enabled, false), isNotNull(webhookEndpoints.failingSince))),
    )
    .orderBy(desc(webhookEndpoints.id));
}

export async function countWebhookEndpoints(db: Db, scope: MerchantScope): Promise<number> {
  return db.$count(webhookEndpoints, whereScope(webhookEndpoints, scope));
}

/** One of the merchant's endpoints, locked for the rest of the transaction when asked (before a change). */
export async function findWebhookEndpoint(db: Db, scope: MerchantScope, id: string, options: { forUpdate?: boolean } = {}): Promise<WebhookEndpointRow | null> {
  const query = db.select().from(webhookEndpoints).where(and(whereScope(webhookEndpoints, scope), eq(webhookEndpoints.id, id)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** findWebhookEndpoint, answering an id the scope does not hold as the API's resource_missing. */
export async function requireWebhookEndpoint(db: Db, scope: MerchantScope, id: string, options: { forUpdate?: boolean } = {}): Promise<WebhookEndpointRow> {
  const row = await findWebhookEndpoint(db, scope, id, options);
  if (!row) throw new AppError("resource_missing", `No such webhook endpoint: '${id}'.`, { param: "id" });
  return row;
}

/** A page of the merchant's endpoints, newest first. */
export async function listWebhookEndpoints(
  db: Db,
  scope: MerchantScope,
  params: { startingAfter?: string; limit: number },
): Promise<{ data: WebhookEndpointRow[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(whereScope(webhookEndpoints, scope), params.startingAfter ? lt(webhookEndpoints.id, params.startingAfter) : undefined))
    .orderBy(desc(webhookEndpoints.id))
    .limit(params.limit + 1);
  return { data: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

const platformMerchants = alias(merchants, "platform_merchants");

/**
 * The one rule of who hears whose events across merchants: a connected merchant and its platform, in the mode
 * the merchant was connected in, while the platform still is one. `pick` chooses which side the subquery answers.
 */
function connections(db: Db, livemode: boolean, pick: "platform" | "merchant", where: SQL) {
  return db
    .select({ id: pick === "platform" ? platformMerchants.id : merchants.id })
    .from(merchants)
    .innerJoin(platformMerchants, and(eq(platformMerchants.id, merchants.platformId), eq(platformMerchants.platform, true)))
    .where(and(eq(merchants.connectedLivemode, livemode), where));
}

/**
 * The enabled endpoints that receive an event of this type: the event merchant's own in its mode, and the
 * `connect` endpoints of its platform in that mode. A sibling's endpoints, or a platform's without `connect`,
 * never match. Each answers with its own scope: the message to it is its owner's.
 */
export async function listSubscribedEndpoints(db: Db, scope: MerchantScope, eventType: string): Promise<Pick<WebhookEndpointRow, "id" | "merchantId" | "livemode">[]> {
  return db
    .select({ id: webhookEndpoints.id, merchantId: webhookEndpoints.merchantId, livemode: webhookEndpoints.livemode })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.livemode, scope.livemode),
        or(
          eq(webhookEndpoints.merchantId, scope.merchantId),
          and(eq(webhookEndpoints.connect, true), inArray(webhookEndpoints.merchantId, connections(db, scope.livemode, "platform", eq(merchants.id, scope.merchantId)))),
        ),
        eq(webhookEndpoints.enabled, true),
        or(arrayContains(webhookEndpoints.events, ["*"]), arrayContains(webhookEndpoints.events, [eventType])),
      ),
    );
}

/**
 * An event of one of the platform's connected merchants (in the scope's mode), for the platform's `connect`
 * endpoints: what a resend to them may send, and what their deliveries carry. Null for anyone else's.
 */
export async function findConnectedEvent(db: Db, platform: MerchantScope, id: string): Promise<EventRow | null> {
  const [row] = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.id, id),
        eq(events.livemode, platform.livemode),
        inArray(events.merchantId, connections(db, platform.livemode, "merchant", eq(merchants.platformId, platform.merchantId))),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Whether a platform's key may set `connect` on its endpoints: its business is a platform. */
export async function isPlatform(db: Db, merchantId: string): Promise<boolean> {
  const [row] = await db.select({ platform: merchants.platform }).from(merchants).where(eq(merchants.id, merchantId)).limit(1);
  return row?.platform ?? false;
}

/** The key that signs the status_callback_url deliveries of the merchant's objects in one mode. */
export async function findCallbackSecret(db: Db, scope: MerchantScope): Promise<string | null> {
  const column = scope.livemode ? merchants.callbackSecretLive : merchants.callbackSecretTest;
  const [row] = await db.select({ secret: column }).from(merchants).where(eq(merchants.id, scope.merchantId)).limit(1);
  return row?.secret ?? null;
}

/** The merchant's events about these objects, in the scope's mode, oldest first. */
export async function listEventsAbout(db: Db, scope: MerchantScope, objectIds: string[]): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(whereScope(events, scope), inArray(events.objectId, objectIds)))
    .orderBy(asc(events.createdAt), asc(events.id));
}
