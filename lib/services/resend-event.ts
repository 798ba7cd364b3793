import type { Db } from "@/db/client";
import { findConnectedEvent, findEvent, requireWebhookEndpoint } from "@/db/queries/webhooks";
import { webhookMessages } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { enqueue, JOBS } from "@/lib/jobs/queue";
import { resendSchema } from "@/lib/webhooks/schemas";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";

/**
 * Sends one of the merchant's events to this endpoint again (a new message, delivered like any other). A
 * platform's `connect` endpoint may also be sent an event of one of its connected merchants in this mode (the
 * merchants whose events the fan-out sends it); any other merchant's event is answered as unknown, so no endpoint
 * can be made to carry a stranger's event.
 */
export async function resendEvent(db: Db, scope: MerchantScope, endpointId: string, input: { event?: unknown }): Promise<{ id: string; object: "webhook_message"; event: string; webhook_endpoint: string; status: "pending" }> {
  const { event: eventId } = resendSchema.parse(input);
  return db.transaction(async (tx) => {
    const endpoint = await requireWebhookEndpoint(tx, scope, endpointId);
    const event = (await findEvent(tx, scope, eventId)) ?? (endpoint.connect ? await findConnectedEvent(tx, scope, eventId) : null);
    if (!event) throw new AppError("resource_missing", `No such event: '${eventId}'.`, { param: "event" });
    const id = newId("webhookMessage");
    await tx.insert(webhookMessages).values({ id, eventId: event.id, ...scopeOf(scope), endpointId: endpoint.id, origin: "resend" });
    await enqueue(tx, JOBS.deliver, { messageId: id, attempt: 1 });
    return { id, object: "webhook_message" as const, event: event.id, webhook_endpoint: endpoint.id, status: "pending" as const };
  });
}
