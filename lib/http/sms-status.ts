import type { Db } from "@/db/client";
import { AppError } from "@/lib/core/errors";
import type { Logger } from "@/lib/logger";
import type { SmsProvider } from "@/lib/messaging/sms/provider";
import { applyDeliveryReport } from "@/lib/services/send-message";
import { readBytes } from "./api";
import { decodeUtf8 } from "./request-text";

/**
 * An SMS provider's delivery report (Twilio: POST /api/sms/twilio/status?message=msg_…, form-encoded, signed
 * with X-Twilio-Signature over the URL we gave it and the fields). The signature is checked against the URL
 * as APP_URL names it — what we sent the provider — not the Host this request arrived with, which a proxy
 * may have rewritten. Any 2xx tells the provider it was heard.
 */
export async function receiveDeliveryReport(request: Request, deps: { db: Db; provider: SmsProvider | null; appUrl: string; log: Logger }): Promise<Response> {
  const provider = deps.provider;
  if (!provider) throw new AppError("resource_missing", "No SMS provider is configured.");
  const received = new URL(request.url);
  const url = new URL(received.pathname + received.search, deps.appUrl).toString();
  const fields = Object.fromEntries(new URLSearchParams(decodeUtf8(await readBytes(request)) ?? ""));
  if (!provider.verifyReport(url, fields, request.headers)) {
    deps.log.warn({ provider: provider.name }, "delivery report refused: signature not verified");
    throw new AppError("signature_invalid", "The report's signature could not be verified.");
  }
  const messageId = received.searchParams.get("message") ?? "";
  const report = provider.readReport(fields);
  const outcome = await applyDeliveryReport(deps.db, messageId, provider.name, report);
  deps.log.info({ provider: provider.name, message: messageId, outcome: report.outcome, applied: outcome }, "sms delivery report");
  if (outcome === "unknown") throw new AppError("resource_missing", "No such message.");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
