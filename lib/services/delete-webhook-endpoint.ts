import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requireWebhookEndpoint } from "@/db/queries/webhooks";
import { webhookEndpoints } from "@/db/schema";
import type { MerchantScope } from "@/lib/core/scope";

export async function deleteWebhookEndpoint(db: Db, scope: MerchantScope, id: string): Promise<{ id: string; object: "webhook_endpoint"; deleted: true }> {
  const row = await requireWebhookEndpoint(db, scope, id);
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
  return { id: row.id, object: "webhook_endpoint", deleted: true };
}
