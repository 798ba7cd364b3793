import type { z } from "zod";

// An SMS provider behind the smallest interface that covers sending and delivery reports. A second provider is
// one more file beside twilio.ts (its SmsProvider and its settings, as an SmsProviderDefinition) and one entry
// in registry.ts: SMS_PROVIDER, its environment variables, the callback route /api/sms/<name>/status and the
// worker all follow from the registry.

export interface OutgoingSms {
  /** Our message id: the provider calls back about it. */
  id: string;
  /** E.164. */
  to: string;
  body: string;
  /** Where the provider reports delivery (our route, with the message id in the query). */
  statusCallbackUrl: string;
}

export type SmsSendResult = { ok: true; providerMessageId: string; detail: string } | { ok: false; reason: string; permanent: boolean };

/** What a delivery report says: `null` for an intermediate status (queued, sending, sent). */
export interface DeliveryReport {
  providerMessageId: string | null;
  outcome: "delivered" | "failed" | null;
  detail: string;
}

/**
 * A delivery report as it arrived at /api/sms/<name>/status: the URL as APP_URL names it (what the provider was
 * given, which is what it signs), the body as text, and the headers. Each provider decodes its own body: one
 * posts a form, another JSON.
 */
export interface IncomingReport {
  url: string;
  body: string;
  headers: Headers;
}

export interface SmsProvider {
  readonly name: string;
  send(sms: OutgoingSms): Promise<SmsSendResult>;
  /** Whether a delivery report really comes from the provider (its signature over the URL, the body, the headers). */
  verifyReport(report: IncomingReport): boolean;
  /** What a verified report says. */
  readReport(report: IncomingReport): DeliveryReport;
}

/**
 * A provider as the registry knows it: its name (the value of SMS_PROVIDER and the callback path's segment),
 * the environment variables it reads (checked by lib/core/env.ts when the process starts, each optional unless
 * `required` names it and SMS_PROVIDER chose this provider), and how to make it from them.
 */
export interface SmsProviderDefinition<Name extends string, Settings extends z.ZodRawShape> {
  readonly name: Name;
  readonly settings: Settings;
  readonly required: readonly (keyof Settings & string)[];
  create(settings: z.output<z.ZodObject<Settings>>): SmsProvider;
}

/** Checks a definition's types where it is written (its `required` names and `create` against its settings). */
export function defineSmsProvider<const Name extends string, Settings extends z.ZodRawShape>(definition: SmsProviderDefinition<Name, Settings>) {
  return definition;
}

export const outboxSms = {
  name: "outbox",
  async send(): Promise<SmsSendResult> {
    return { ok: true, providerMessageId: "", detail: "Kept in the outbox: no SMS provider is configured." };
  },
};
