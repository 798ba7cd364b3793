import type { Db } from "@/db/client";
import { listWebhookEndpoints as queryEndpoints } from "@/db/queries/webhooks";
import { listWebhookEndpointsSchema } from "@/lib/webhooks/schemas";
import { toWebhookEndpointObject, type WebhookEndpointObject } from "@/lib/webhooks/serialize";
import type { ListResult } from "@/lib/core/list-params";
import type { MerchantScope } from "@/lib/core/scope";

export async function listWebhookEndpoints(db: Db, scope: MerchantScope, params: Record<string, string>): Promise<ListResult<WebhookEndpointObject>> {
  const p = listWebhookEndpointsSchema.parse(params);
  const { data, hasMore } = await queryEndpoints(db, scope, { startingAfter: p.starting_after, limit: p.limit });
  return { object: "list", url: "/api/v1/webhook_endpoints", data: data.map((r) => toWebhookEndpointObject(r)), has_more: hasMore };
}
