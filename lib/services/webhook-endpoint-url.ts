import { AppError } from "@/lib/core/errors";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import type { MerchantScope } from "@/lib/core/scope";

/**
 * What saving an endpoint needs to know: the merchant's scope, whether private addresses are allowed here, and
 * the platform when one acts for a connected merchant (ServiceContext's `actingPlatformId`).
 */
export interface WebhookContext extends MerchantScope {
  allowPrivate: boolean;
  actingPlatformId?: string;
  resolve?: (host: string) => Promise<string[]>;
}

/** The URL an endpoint may be saved with (checked by the URL guard for this mode), or parameter_invalid on `url`. */
export async function checkEndpointUrl(ctx: WebhookContext, url: string): Promise<string> {
  const checked = await checkWebhookUrl(url, { livemode: ctx.livemode, allowPrivate: ctx.allowPrivate, resolve: ctx.resolve });
  if (!checked.ok) throw new AppError("parameter_invalid", checked.message, { param: "url" });
  return checked.url.toString();
}
