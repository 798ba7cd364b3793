import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { twilioSignature } from "@/lib/messaging/sms/twilio";

export interface TwilioSent {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string;
  authorization: string;
}

/**
 * A local server speaking the part of Twilio's Messages API Paylink uses: `POST
 * /2010-04-01/Accounts/{sid}/Messages.json` with HTTP Basic auth and a form body, answering 201 with the
 * message resource (or Twilio's error JSON), then — like Twilio — POSTing signed status callbacks
 * (`X-Twilio-Signature`) to the StatusCallback URL. `outcome(n)` decides the n-th message's fate.
 */
export async function startFakeTwilio(options: {
  accountSid?: string;
  authToken?: string;
  outcome?: (n: number) => "delivered" | "undelivered" | { httpStatus: number; code: number; message: string };
  /** Delay before the callbacks (ms). */
  callbackDelayMs?: number;
} = {}) {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString("hex")}`;
  const authToken = options.authToken ?? randomBytes(16).toString("hex");
  const sent: TwilioSent[] = [];
  const callbacks: { url: string; status: number; fields: Record<string, string> }[] = [];
  let n = 0;

  const postCallback = async (url: string, fields: Record<string, string>) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(authToken, url, fields), "user-agent": "TwilioProxy/1.1" },
      body: new URLSearchParams(fields),
    }).catch(() => null);
    callbacks.push({ url, status: response?.status ?? 0, fields });
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      const expectedPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
      const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
      if (request.method !== "POST" || request.url !== expectedPath) return json(404, { code: 20404, message: "The requested resource was not found", status: 404 });
      if (request.headers.authorization !== expectedAuth) return json(401, { code: 20003, message: "Authenticate", status: 401 });
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      if (!form.To || !form.Body || !(form.From || form.MessagingServiceSid)) return json(400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
      n += 1;
      const fate = options.outcome?.(n) ?? "delivered";
      if (typeof fate === "object") return json(fate.httpStatus, { code: fate.code, message: fate.message, status: fate.httpStatus });
      const sid = `SM${randomBytes(16).toString("hex")}`;
      sent.push({ sid, to: form.To, from: form.From ?? form.MessagingServiceSid!, body: form.Body, statusCallback: form.StatusCallback ?? "", authorization: request.headers.authorization ?? "" });
      json(201, { sid, account_sid: accountSid, to: form.To, from: form.From ?? null, body: form.Body, status: "queued", num_segments: "1", error_code: null, error_message: null });
      if (form.StatusCallback) {
        const base = { AccountSid: accountSid, MessageSid: sid, SmsSid: sid, To: form.To, From: form.From ?? "", ApiVersion: "2010-04-01" };
        setTimeout(async () => {
          await postCallback(form.StatusCallback!, { ...base, MessageStatus: "sent", SmsStatus: "sent" });
          if (fate === "delivered") await postCallback(form.StatusCallback!, { ...base, MessageStatus: "delivered", SmsStatus: "delivered" });
          else await postCallback(form.StatusCallback!, { ...base, MessageStatus: "undelivered", SmsStatus: "undelivered", ErrorCode: "30003" });
        }, options.callbackDelayMs ?? 50);
      }
    });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    accountSid,
    authToken,
    apiUrl: `http://localhost:${port}`,
    sent,
    callbacks,
    /** Sends a callback as Twilio would (tests use it for forged and repeated reports). */
    postCallback,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
