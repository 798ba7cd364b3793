// An SMS provider behind the smallest interface that covers sending and delivery reports: a second provider
// is one more file beside twilio.ts, and the worker, the callback route and the tests stay as they are.

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

export interface SmsProvider {
  readonly name: string;
  send(sms: OutgoingSms): Promise<SmsSendResult>;
  /** Checks a delivery report's signature: the URL it was sent to, its form fields, and its headers. */
  verifyReport(url: string, fields: Record<string, string>, headers: Headers): boolean;
  readReport(fields: Record<string, string>): DeliveryReport;
}

export const outboxSms = {
  name: "outbox",
  async send(): Promise<SmsSendResult> {
    return { ok: true, providerMessageId: "", detail: "Kept in the outbox: no SMS provider is configured." };
  },
};
