import type { Env } from "@/lib/core/env";
import { emailTransportFromEnv, type EmailTransport } from "./email-transport";
import type { SmsProvider } from "./sms/provider";
import { findSmsProvider } from "./sms/registry";

/** How this process sends: the email transport, the SMS provider (null: the outbox), and the retry schedule. */
export interface Messaging {
  email: EmailTransport;
  sms: SmsProvider | null;
  appUrl: string;
  retrySchedule: readonly number[];
}

/** The provider SMS_PROVIDER names, made from its settings; null (the outbox) when it is unset. */
export function smsProviderFromEnv(env: Env): SmsProvider | null {
  const definition = env.SMS_PROVIDER ? findSmsProvider(env.SMS_PROVIDER) : null;
  return definition ? definition.create(env) : null;
}

export function messagingFromEnv(env: Env): Messaging {
  return { email: emailTransportFromEnv(env), sms: smsProviderFromEnv(env), appUrl: env.APP_URL, retrySchedule: env.MESSAGE_RETRY_SCHEDULE_SECONDS };
}

/**
 * The route a provider reports delivery to, named by the provider (`/api/sms/twilio/status`: the URL Twilio
 * accounts know). The message id rides in the query, so a report that beats our own record of the send still
 * finds it.
 */
export function smsStatusCallbackUrl(appUrl: string, providerName: string, messageId: string): string {
  const url = new URL(`/api/sms/${encodeURIComponent(providerName)}/status`, appUrl);
  url.searchParams.set("message", messageId);
  return url.toString();
}

/**
 * The outbox page (every message, account emails included) is for development, or an operator who turns it on.
 * Each outbox page checks it itself: a layout's check alone is skipped when a client navigation says the
 * layout is already on screen.
 */
export function outboxPageEnabled(env: Env): boolean {
  return env.OUTBOX_PAGE ?? env.NODE_ENV === "development";
}
