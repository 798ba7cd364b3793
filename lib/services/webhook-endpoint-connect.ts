import type { Db } from "@/db/client";
import { isPlatform } from "@/db/queries/webhooks";
import { AppError } from "@/lib/core/errors";
import type { WebhookContext } from "./webhook-endpoint-url";

/**
 * `connect: true` hands an endpoint every connected merchant's events, so only a platform may set it, and only
 * for itself: a platform acting for a connected merchant (`Paylink-Merchant`) acts as that merchant, which is
 * not a platform's. Turning it off (or leaving it off) is anyone's.
 */
export async function checkConnect(db: Db, ctx: WebhookContext, connect: boolean | undefined): Promise<void> {
  if (connect !== true) return;
  if (ctx.actingPlatformId) {
    throw new AppError("forbidden", "`connect` is for a platform's own endpoints: send this request without Paylink-Merchant.", { param: "connect" });
  }
  if (!(await isPlatform(db, ctx.merchantId))) {
    throw new AppError("forbidden", "`connect` receives a platform's connected merchants' events: this business is not a platform.", { param: "connect" });
  }
}
