import type { Db } from "@/db/client";
import { requireWebhookEndpoint } from "@/db/queries/webhooks";
import { toWebhookEndpointObject, type WebhookEndpointObject } from "@/lib/webhooks/serialize";
import type { MerchantScope } from "@/lib/core/scope";

export async function getWebhookEndpoint(db: Db, scope: MerchantScope, id: string): Promise<WebhookEndpointObject> {
  return toWebhookEndpointObject(await requireWebhookEndpoint(db, scope, id));
}
