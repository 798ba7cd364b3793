import type { Env } from "@/lib/core/env";
import { emailTransportFromEnv, type EmailTransport } from "./email-transport";
import type { SmsProvider } from "./sms/provider";
import { twilioProvider } from "./sms/twilio";

/** How this process sends: the email transport, the SMS provider (null: the outbox), and the retry schedule. */
export interface Messaging {
  email: EmailTransport;
  sms: SmsProvider | null;
  appUrl: string;
  retrySchedule: readonly number[];
}

export function smsProviderFromEnv(env: Env): SmsProvider | null {
  if (env.SMS_PROVIDER !== "twilio") return null;
  return twilioProvider({ accountSid: env.TWILIO_ACCOUNT_SID!, authToken: env.TWILIO_AUTH_TOKEN!, from: env.TWILIO_FROM!, apiUrl: env.TWILIO_API_URL });
}

export function messagingFromEnv(env: Env): Messaging {
  return { email: emailTransportFromEnv(env), sms: smsProviderFromEnv(env), appUrl: env.APP_URL, retrySchedule: env.MESSAGE_RETRY_SCHEDULE_SECONDS };
}

/** The route Twilio reports delivery to; the message id rides in the query, so a report that beats our own record of the send still finds it. */
export function smsStatusCallbackUrl(appUrl: string, messageId: string): string {
  const url = new URL("/api/sms/twilio/status", appUrl);
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
