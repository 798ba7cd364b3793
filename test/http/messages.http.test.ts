import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { messages } from "@/db/schema";
import { createApiKey } from "@/lib/services/create-api-key";
import { signUp } from "@/lib/services/sign-up";
import { uniqueEmail } from "@/test/ids";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { startFakeTwilio } from "@/test/twilio";
import { startApp, type RunningApp } from "./app";

// The outbox page and SMS delivery reports, over HTTP against the production build. The outbox is off in a
// production start and, turned on (OUTBOX_PAGE=true, no SMTP server), shows the account emails it kept, links
// included. Twilio's signed reports reach /api/sms/twilio/status — the URL Twilio accounts are set up with —
// through the one route that serves every provider, where an unknown provider is 404.

const twilio = await startFakeTwilio();
afterAll(() => twilio.close());
const [outbox, defaults] = await Promise.all([
  startApp({
    OUTBOX_PAGE: "true",
    SMS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: "+15005550006",
    TWILIO_API_URL: twilio.apiUrl,
  }),
  startApp(),
]);

/** Signs someone up (the verification email is queued with it) and waits until the outbox has kept it. */
async function signUpAndWaitForMail(app: RunningApp) {
  const email = uniqueEmail("outbox");
  await signUp(app.database.db, { email, password: "a long enough password", businessName: "Outbox Oddities", country: "SE", currency: "SEK" }, { appUrl: app.baseUrl });
  const db = app.database.db;
  const sent = async () => (await db.select().from(messages).where(eq(messages.to, email))).find((m) => m.status === "sent") ?? null;
  return { email, message: await waitFor(sent, 15_000, "the verification email kept by the outbox") };
}

const html = (body: string) => body.replace(/&amp;/g, "&");

describe("the outbox page", () => {
  test("on: lists the verification email a sign-up sent, and its page shows the link, which works", async () => {
    const { email, message } = await signUpAndWaitForMail(outbox);
    expect(message).toMatchObject({ transport: "outbox", kind: "email_verification" });
    const browser = outbox.client();
    const list = await browser.send("/outbox");
    expect(list.status).toBe(200);
    expect(list.body).toContain(email);
    expect(list.body).toContain(`href="/outbox/${message.id}"`);

    const page = await browser.send(`/outbox/${message.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Confirm your email address for Paylink");
    const link = html(page.body).match(new RegExp(`${outbox.baseUrl}/verify-email/[A-Za-z0-9_-]+`))?.[0];
    expect(link).toBeDefined();
    const verify = await browser.send(link!);
    expect(verify.status).toBe(200);
    expect(verify.body).toContain("Confirm my address");
  });

  test("off by default in a production start: 404, the list and a kept email alike", async () => {
    const { message } = await signUpAndWaitForMail(defaults);
    const browser = defaults.client();
    for (const path of ["/outbox", `/outbox/${message.id}`]) {
      const answer = await browser.send(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain("/verify-email/");
    }
  });
});

async function api(app: RunningApp, secret: string, method: string, path: string, body?: unknown) {
  const answer = await app.client().send(path, { method, ...(body === undefined ? {} : { json: body }), headers: { authorization: `Bearer ${secret}` } });
  return { status: answer.status, json: JSON.parse(answer.body || "null") as Record<string, unknown> };
}

async function apiKey(database: Database) {
  return (await createApiKey(database.db, await newMerchantScope(database.db))).secret;
}

describe("SMS delivery reports", () => {
  test("Twilio's signed reports at /api/sms/twilio/status move a texted link to delivered", async () => {
    const secret = await apiKey(outbox.database);
    const link = await api(outbox, secret, "POST", "/api/v1/payment_links", { item_name: "Fika", amount: 4500, currency: "SEK", default_country: "SE" });
    expect(link.status).toBe(201);
    const sent = await api(outbox, secret, "POST", `/api/v1/payment_links/${String(link.json.id)}/send`, { channel: "sms", to: "+46701234567" });
    expect(sent.status).toBe(201);
    const id = String(sent.json.id);
    const callback = `${outbox.baseUrl}/api/sms/twilio/status?message=${id}`;
    await waitFor(() => twilio.sent.find((s) => s.statusCallback === callback), 15_000, "the SMS at Twilio");
    const delivered = await waitFor(async () => {
      const message = await api(outbox, secret, "GET", `/api/v1/messages/${id}`);
      return message.json.status === "delivered" ? message.json : null;
    }, 15_000, "delivered");
    expect(delivered.delivered_at).not.toBeNull();
    // Both of Twilio's reports (sent, then delivered) were heard. The fake Twilio notes a report's answer only
    // once the 204 reaches it, a moment after the commit the API already shows: wait for both notes.
    const heard = await waitFor(() => {
      const reports = twilio.callbacks.filter((c) => c.url === callback);
      return reports.length === 2 ? reports : null;
    }, 15_000, "both reports answered");
    expect(heard.map((c) => c.status)).toEqual([204, 204]);
  });

  test("a provider Paylink does not know is 404 in the API's error shape; so is Twilio's path where no SMS provider is configured", async () => {
    const unknown = await outbox.client().send("/api/sms/nope/status?message=msg_1", { form: { MessageStatus: "delivered" } });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: { type: "invalid_request_error", code: "resource_missing", message: "No such SMS provider.", param: null } });
    const unconfigured = await defaults.client().send("/api/sms/twilio/status?message=msg_1", { form: { MessageStatus: "delivered" } });
    expect(unconfigured.status).toBe(404);
    expect(JSON.parse(unconfigured.body)).toMatchObject({ error: { code: "resource_missing" } });
  });
});
