import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requireWebhookEndpoint } from "@/db/queries/webhooks";
import { webhookEndpoints } from "@/db/schema";
import { toWebhookEndpointObject, type WebhookEndpointObject } from "@/lib/webhooks/serialize";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import type { MerchantScope } from "@/lib/core/scope";

const ROTATION_OVERLAP_MS = 24 * 3600_000;

/** A new secret; the old one keeps signing (beside the new) for 24 hours so receivers can switch over. */
export async function rotateWebhookSecret(db: Db, scope: MerchantScope, id: string): Promise<WebhookEndpointObject> {
  return db.transaction(async (tx) => {
    const current = await requireWebhookEndpoint(tx, scope, id, { forUpdate: true });
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret: newWebhookSecret(), previousSecret: current.secret, previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS), updatedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    return toWebhookEndpointObject(row!, { secret: true });
  });
}
