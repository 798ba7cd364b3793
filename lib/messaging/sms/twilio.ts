import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { defineSmsProvider, type DeliveryReport, type IncomingReport, type OutgoingSms, type SmsProvider, type SmsSendResult } from "./provider";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** E.164 number, or a Messaging Service SID (MG…). */
  from: string;
  /** `https://api.twilio.com`, or a server that speaks the same API (tests run one locally). */
  apiUrl: string;
  timeoutMs?: number;
}

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed by the auth token, of the full URL Twilio requested
 * followed by each POST field's name and value, fields sorted by name.
 * https://www.twilio.com/docs/usage/security#validating-requests
 */
export function twilioSignature(authToken: string, url: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .sort()
    .reduce((acc, key) => acc + key + fields[key], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

// Twilio's final statuses; the others (accepted, queued, sending, sent, scheduled) are on the way.
const DELIVERED = new Set(["delivered", "read"]);
const FAILED = new Set(["failed", "undelivered", "canceled"]);

export function twilioProvider(config: TwilioConfig): SmsProvider {
  const endpoint = new URL(`/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`, config.apiUrl);
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  return {
    name: "twilio",
    async send(sms: OutgoingSms): Promise<SmsSendResult> {
      const form = new URLSearchParams({ To: sms.to, Body: sms.body, StatusCallback: sms.statusCallbackUrl });
      form.set(config.from.startsWith("MG") ? "MessagingServiceSid" : "From", config.from);
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: form,
          redirect: "manual",
          signal: AbortSignal.timeout(config.timeoutMs ?? 20_000),
        });
      } catch (error) {
        const timedOut = (error as Error).name === "TimeoutError";
        return { ok: false, reason: timedOut ? "Twilio did not answer in time." : "Could not reach Twilio.", permanent: false };
      }
      const body = (await response.json().catch(() => null)) as { sid?: string; status?: string; code?: number; message?: string } | null;
      if (response.status === 201 || response.status === 200) {
        if (!body?.sid) return { ok: false, reason: "Twilio's answer named no message.", permanent: false };
        return { ok: true, providerMessageId: body.sid, detail: `Accepted by Twilio (${body.status ?? "queued"}).` };
      }
      const said = body?.message ? `: ${String(body.message).slice(0, 200)}` : "";
      const code = body?.code ? ` (error ${body.code})` : "";
      // 4xx: this request will be refused again (a bad number, a blocked recipient); 429 and 5xx may pass later.
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
      return { ok: false, reason: `Twilio answered ${response.status}${code}${said}`, permanent };
    },
    verifyReport(report) {
      const given = report.headers.get("x-twilio-signature");
      if (!given) return false;
      const expected = Buffer.from(twilioSignature(config.authToken, report.url, reportFields(report)));
      const actual = Buffer.from(given);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
    readReport(report): DeliveryReport {
      const fields = reportFields(report);
      const status = fields.MessageStatus ?? fields.SmsStatus ?? "";
      const outcome = DELIVERED.has(status) ? "delivered" : FAILED.has(status) ? "failed" : null;
      const error = fields.ErrorCode ? ` (error ${fields.ErrorCode})` : "";
      return { providerMessageId: fields.MessageSid ?? fields.SmsSid ?? null, outcome, detail: `Twilio reported ${status || "no status"}${error}.` };
    },
  };
}

/** Twilio posts its status callbacks form-encoded. */
function reportFields(report: IncomingReport): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(report.body));
}

/** Twilio in the registry: `SMS_PROVIDER=twilio` and its settings. */
export const twilioSms = defineSmsProvider({
  name: "twilio",
  settings: {
    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-zA-Z]{8,}$/, "must look like AC…").optional(),
    TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
    /** The sending number (E.164) or a Messaging Service SID (MG…). */
    TWILIO_FROM: z.string().regex(/^(\+[1-9]\d{6,14}|MG[0-9a-zA-Z]+)$/, "must be an E.164 number or a Messaging Service SID").optional(),
    TWILIO_API_URL: z.url().default("https://api.twilio.com"),
  },
  required: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"],
  // env.ts has checked the required settings are there when SMS_PROVIDER=twilio.
  create: (settings) => twilioProvider({ accountSid: settings.TWILIO_ACCOUNT_SID!, authToken: settings.TWILIO_AUTH_TOKEN!, from: settings.TWILIO_FROM!, apiUrl: settings.TWILIO_API_URL }),
});
