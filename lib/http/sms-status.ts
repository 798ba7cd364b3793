import type { Db } from "@/db/client";
import { AppError } from "@/lib/core/errors";
import type { Logger } from "@/lib/logger";
import type { SmsProvider } from "@/lib/messaging/sms/provider";
import { findSmsProvider } from "@/lib/messaging/sms/registry";
import { applyDeliveryReport } from "@/lib/services/send-message";
import { readBytes } from "./api";
import { decodeUtf8 } from "./request-text";

/**
 * An SMS provider's delivery report, POSTed to /api/sms/<name>/status?message=msg_… (Twilio: form-encoded,
 * signed with X-Twilio-Signature over the URL we gave it and the fields). Only the configured provider is
 * heard, and only once its own check of the signature passes; the signature is checked against the URL as
 * APP_URL names it — what we sent the provider — not the Host this request arrived with, which a proxy may
 * have rewritten. Any 2xx tells the provider it was heard.
 */
export async function receiveDeliveryReport(request: Request, providerName: string, deps: { db: Db; provider: SmsProvider | null; appUrl: string; log: Logger }): Promise<Response> {
  if (!findSmsProvider(providerName)) throw new AppError("resource_missing", "No such SMS provider.");
  const provider = deps.provider;
  if (provider?.name !== providerName) throw new AppError("resource_missing", "This SMS provider is not the one configured.");
  const received = new URL(request.url);
  const report = {
    url: new URL(received.pathname + received.search, deps.appUrl).toString(),
    body: decodeUtf8(await readBytes(request)) ?? "",
    headers: request.headers,
  };
  if (!provider.verifyReport(report)) {
    deps.log.warn({ provider: provider.name }, "delivery report refused: signature not verified");
    throw new AppError("signature_invalid", "The report's signature could not be verified.");
  }
  const messageId = received.searchParams.get("message") ?? "";
  const said = provider.readReport(report);
  const outcome = await applyDeliveryReport(deps.db, messageId, provider.name, said);
  deps.log.info({ provider: provider.name, message: messageId, outcome: said.outcome, applied: outcome }, "sms delivery report");
  if (outcome === "unknown") throw new AppError("resource_missing", "No such message.");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
