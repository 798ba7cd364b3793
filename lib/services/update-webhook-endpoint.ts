import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requireWebhookEndpoint } from "@/db/queries/webhooks";
import { webhookEndpoints } from "@/db/schema";
import { updateWebhookEndpointSchema, type UpdateWebhookEndpointInput } from "@/lib/webhooks/schemas";
import { toWebhookEndpointObject, type WebhookEndpointObject } from "@/lib/webhooks/serialize";
import { checkConnect } from "./webhook-endpoint-connect";
import { type WebhookContext, checkEndpointUrl } from "./webhook-endpoint-url";

/** Changes URL, event filter, description, enabled or connect; re-enabling clears the failure state. */
export async function updateWebhookEndpoint(db: Db, ctx: WebhookContext, id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointObject> {
  const data = updateWebhookEndpointSchema.parse(input);
  await checkConnect(db, ctx, data.connect);
  const url = data.url !== undefined ? await checkEndpointUrl(ctx, data.url) : undefined;
  return db.transaction(async (tx) => {
    const current = await requireWebhookEndpoint(tx, ctx, id, { forUpdate: true });
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(url !== undefined ? { url } : {}),
        ...(data.events !== undefined ? { events: data.events } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.connect !== undefined ? { connect: data.connect } : {}),
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
