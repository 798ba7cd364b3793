import type { Db } from "@/db/client";
import { countWebhookEndpoints } from "@/db/queries/webhooks";
import { webhookEndpoints } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { createWebhookEndpointSchema, type CreateWebhookEndpointInput } from "@/lib/webhooks/schemas";
import { toWebhookEndpointObject, type WebhookEndpointObject } from "@/lib/webhooks/serialize";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { QUOTAS, withinQuota } from "./quota";
import { checkConnect } from "./webhook-endpoint-connect";
import { type WebhookContext, checkEndpointUrl } from "./webhook-endpoint-url";

/** Creates an endpoint; the answer alone carries its secret. */
export async function createWebhookEndpoint(db: Db, ctx: WebhookContext, input: CreateWebhookEndpointInput): Promise<WebhookEndpointObject> {
  const data = createWebhookEndpointSchema.parse(input);
  await checkConnect(db, ctx, data.connect);
  const url = await checkEndpointUrl(ctx, data.url);
  const quota = {
    kind: "webhook_endpoints",
    limit: QUOTAS.webhookEndpoints,
    message: `This mode already has ${QUOTAS.webhookEndpoints} webhook endpoints, the most allowed. Delete one you no longer use first.`,
    count: (tx: Db) => countWebhookEndpoints(tx, ctx),
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
        connect: data.connect ?? false,
        secret: newWebhookSecret(),
      })
      .returning();
    return inserted!;
  });
  return toWebhookEndpointObject(row, { secret: true });
}
