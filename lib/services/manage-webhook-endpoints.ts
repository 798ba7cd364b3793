import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, webhookEndpoints, webhookMessages, type WebhookEndpointRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { enqueue, JOBS } from "@/lib/jobs/queue";
import { createWebhookEndpointSchema, listWebhookEndpointsSchema, resendSchema, updateWebhookEndpointSchema, type CreateWebhookEndpointInput, type UpdateWebhookEndpointInput } from "@/lib/webhooks/schemas";
import { toWebhookEndpointObject, type WebhookEndpointObject } from "@/lib/webhooks/serialize";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import type { ListResult } from "@/lib/core/list-params";
import { QUOTAS, withinQuota } from "./quota";
import type { MerchantScope } from "@/lib/core/scope";

/** What saving a URL needs to know: the merchant's scope, and whether private addresses are allowed here. */
export interface WebhookContext extends MerchantScope {
  allowPrivate: boolean;
  resolve?: (host: string) => Promise<string[]>;
}

const ROTATION_OVERLAP_MS = 24 * 3600_000;

async function checkUrl(ctx: WebhookContext, url: string): Promise<string> {
  const checked = await checkWebhookUrl(url, { livemode: ctx.livemode, allowPrivate: ctx.allowPrivate, resolve: ctx.resolve });
  if (!checked.ok) throw new AppError("parameter_invalid", checked.message, { param: "url" });
  return checked.url.toString();
}

async function findScoped(db: Db, scope: MerchantScope, id: string, lock = false): Promise<WebhookEndpointRow> {
  const query = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.merchantId, scope.merchantId), eq(webhookEndpoints.livemode, scope.livemode)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("resource_missing", `No such webhook endpoint: '${id}'.`, { param: "id" });
  return row;
}

/** Creates an endpoint; the answer alone carries its secret. */
export async function createWebhookEndpoint(db: Db, ctx: WebhookContext, input: CreateWebhookEndpointInput): Promise<WebhookEndpointObject> {
  const data = createWebhookEndpointSchema.parse(input);
  const url = await checkUrl(ctx, data.url);
  const quota = {
    kind: "webhook_endpoints",
    limit: QUOTAS.webhookEndpoints,
    message: `This mode already has ${QUOTAS.webhookEndpoints} webhook endpoints, the most allowed. Delete one you no longer use first.`,
    count: (tx: Db) => tx.$count(webhookEndpoints, and(eq(webhookEndpoints.merchantId, ctx.merchantId), eq(webhookEndpoints.livemode, ctx.livemode))),
  };
  const row = await withinQuota(db, ctx, quota, async (tx) => {
    const [inserted] = await tx
      .insert(webhookEndpoints)
      .values({
        id: newId("webhookEndpoint"),
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        url,
        events: data.events,
        description: data.description ?? null,
        secret: newWebhookSecret(),
      })
      .returning();
    return inserted!;
  });
  return toWebhookEndpointObject(row, { secret: true });
}

export async function getWebhookEndpoint(db: Db, scope: MerchantScope, id: string): Promise<WebhookEndpointObject> {
  return toWebhookEndpointObject(await findScoped(db, scope, id));
}

export async function listWebhookEndpoints(db: Db, scope: MerchantScope, params: Record<string, string>): Promise<ListResult<WebhookEndpointObject>> {
  const p = listWebhookEndpointsSchema.parse(params);
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.merchantId, scope.merchantId),
        eq(webhookEndpoints.livemode, scope.livemode),
        p.starting_after ? lt(webhookEndpoints.id, p.starting_after) : undefined,
      ),
    )
    .orderBy(desc(webhookEndpoints.id))
    .limit(p.limit + 1);
  return { object: "list", url: "/api/v1/webhook_endpoints", data: rows.slice(0, p.limit).map((r) => toWebhookEndpointObject(r)), has_more: rows.length > p.limit };
}

/** Changes URL, event filter, description, or enabled; re-enabling clears the failure state. */
export async function updateWebhookEndpoint(db: Db, ctx: WebhookContext, id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointObject> {
  const data = updateWebhookEndpointSchema.parse(input);
  const url = data.url !== undefined ? await checkUrl(ctx, data.url) : undefined;
  return db.transaction(async (tx) => {
    const current = await findScoped(tx, ctx, id, true);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(url !== undefined ? { url } : {}),
        ...(data.events !== undefined ? { events: data.events } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.enabled !== undefined
          ? { enabled: data.enabled, disabledReason: null, failingSince: data.enabled && !current.enabled ? null : current.failingSince }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    return toWebhookEndpointObject(row!);
  });
}

export async function deleteWebhookEndpoint(db: Db, scope: MerchantScope, id: string): Promise<{ id: string; object: "webhook_endpoint"; deleted: true }> {
  const row = await findScoped(db, scope, id);
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
  return { id: row.id, object: "webhook_endpoint", deleted: true };
}

/** A new secret; the old one keeps signing (beside the new) for 24 hours so receivers can switch over. */
export async function rotateWebhookSecret(db: Db, scope: MerchantScope, id: string): Promise<WebhookEndpointObject> {
  return db.transaction(async (tx) => {
    const current = await findScoped(tx, scope, id, true);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret: newWebhookSecret(), previousSecret: current.secret, previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS), updatedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    return toWebhookEndpointObject(row!, { secret: true });
  });
}

/** Sends one of the merchant's events to this endpoint again (a new message, delivered like any other). */
export async function resendEvent(db: Db, scope: MerchantScope, endpointId: string, input: { event?: unknown }): Promise<{ id: string; object: "webhook_message"; event: string; webhook_endpoint: string; status: "pending" }> {
  const { event: eventId } = resendSchema.parse(input);
  return db.transaction(async (tx) => {
    const endpoint = await findScoped(tx, scope, endpointId);
    const [event] = await tx
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.id, eventId), eq(events.merchantId, scope.merchantId), eq(events.livemode, scope.livemode)));
    if (!event) throw new AppError("resource_missing", `No such event: '${eventId}'.`, { param: "event" });
    const id = newId("message");
    await tx.insert(webhookMessages).values({ id, eventId: event.id, merchantId: scope.merchantId, livemode: scope.livemode, endpointId: endpoint.id, origin: "resend" });
    await enqueue(tx, JOBS.deliver, { messageId: id, attempt: 1 });
    return { id, object: "webhook_message" as const, event: event.id, webhook_endpoint: endpoint.id, status: "pending" as const };
  });
}
