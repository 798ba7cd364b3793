import { notFound } from "next/navigation";
import type { DeliveryView, EndpointHealthView } from "@/components/dashboard/webhooks/types";
import type { Db } from "@/db/client";
import type { DeliveryRow, EndpointHealth } from "@/db/queries/webhooks";
import { can } from "@/lib/accounts/permissions";
import { getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import { getDashboardContext } from "@/lib/http/session";
import { getWebhookEndpoint } from "@/lib/services/get-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/services/list-webhook-endpoints";
import type { WebhookContext } from "@/lib/services/webhook-endpoint-url";
import type { MerchantScope } from "@/lib/core/scope";
import { toMessageObject, type WebhookEndpointObject } from "@/lib/webhooks/serialize";

/**
 * The merchant and mode the webhook and event pages act for, as the services take them; whether the member
 * may change webhooks (owners and admins); whether this server lets webhooks reach private addresses; and
 * whether the business is a platform (its endpoints may also hear its connected merchants' events).
 */
export async function getWebhooksContext(): Promise<{ ctx: WebhookContext; scope: MerchantScope; canManage: boolean; platform: boolean }> {
  const { current, livemode } = await getDashboardContext();
  const scope = { merchantId: current.merchant.id, livemode };
  return {
    ctx: { ...scope, allowPrivate: getEnv().WEBHOOK_ALLOW_PRIVATE_URLS },
    scope,
    canManage: can(current.role, "manage_settings"),
    platform: current.merchant.platform,
  };
}

/** One of the merchant's endpoints in the current mode; an unknown id or another merchant's is a 404 alike. */
export async function getEndpointOr404(db: Db, scope: MerchantScope, id: string): Promise<WebhookEndpointObject> {
  try {
    return await getWebhookEndpoint(db, scope, id);
  } catch (error) {
    if (isAppError(error) && error.code === "resource_missing") notFound();
    throw error;
  }
}

/** Every endpoint of the mode, newest first, page by page through the same service as the API. */
export async function listAllEndpoints(db: Db, scope: MerchantScope): Promise<WebhookEndpointObject[]> {
  const all: WebhookEndpointObject[] = [];
  for (;;) {
    const page = await listWebhookEndpoints(db, scope, { limit: "100", ...(all.length ? { starting_after: all.at(-1)!.id } : {}) });
    all.push(...page.data);
    if (!page.has_more || page.data.length === 0) return all;
  }
}

export function toDeliveryView(row: DeliveryRow): DeliveryView {
  const connectedMerchant = row.eventMerchantId !== row.message.merchantId ? row.eventMerchantId : null;
  return { ...toMessageObject(row.message, row.attempts), event_type: row.eventType, endpoint_url: row.endpointUrl, connected_merchant: connectedMerchant };
}

export function toHealthView(row: EndpointHealth): EndpointHealthView {
  return { id: row.id, url: row.url, enabled: row.enabled, disabled_reason: row.disabledReason, failing_since: row.failingSince?.toISOString() ?? null };
}
