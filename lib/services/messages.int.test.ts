import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { events, messages } from "@/db/schema";
import { listStatusChanges } from "@/db/queries/messages";
import { parseEnv } from "@/lib/core/env";
import { toErrorResponse } from "@/lib/http/errors";
import { receiveDeliveryReport } from "@/lib/http/sms-status";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";
import type { Messaging } from "@/lib/messaging/config";
import { outboxEmail, smtpTransport } from "@/lib/messaging/email-transport";
import { renderEmail } from "@/lib/messaging/render";
import { twilioProvider } from "@/lib/messaging/sms/twilio";
import { verificationEmail } from "@/lib/messaging/templates/account";
import { openTestDatabase } from "@/test/db";
import { startMailCatcher } from "@/test/mail-catcher";
import { newMerchantScope, toRequest } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { startFakeTwilio } from "@/test/twilio";
import { getMessage, listMessages } from "./list-messages";
import { queueMessage } from "./queue-message";
import { requeueOverdueMessages, sendMessage } from "./send-message";

const database = await openTestDatabase();
const { db } = database;
const log = logger();

async function buyerEmail(scope: { merchantId: string; livemode: boolean } | null, to = "buyer@example.com", kind: "payment_request" | "email_verification" = "payment_request") {
  const { subject, element } = verificationEmail({ url: "https://pay.example.com/verify-email/tok_secret", hours: 48 });
  const { html, text } = await renderEmail(element);
  return db.transaction((tx) => queueMessage(tx, { scope, channel: "email", kind, to, subject, html, text }));
}

const messaging = (over: Partial<Messaging>): Messaging => ({ email: outboxEmail, sms: null, appUrl: "https://pay.example.com", retrySchedule: [1, 1], ...over });
const row = async (id: string) => (await db.select().from(messages).where(eq(messages.id, id)))[0]!;
const eventsOf = async (id: string) => (await db.select().from(events).where(eq(events.objectId, id))).map((e) => e.type).sort();

describe("email over SMTP", () => {
  test("a queued message reaches a real SMTP server through the worker, and is recorded sent with its event", async () => {
    const catcher = await startMailCatcher();
    const env = parseEnv({ AUTH_SECRET: "x".repeat(32), SMTP_URL: catcher.url, EMAIL_FROM: "Paylink <no-reply@pay.example.com>", SCHEDULER_TICK_SECONDS: "60" });
    const worker = await startWorker(database, env, logger());
    try {
      const scope = await newMerchantScope(db);
      // An address of its own: the worker sends whatever is queued in the run's database, other files' receipts too.
      const to = `ana-${scope.merchantId}@example.com`.toLowerCase();
      const message = await buyerEmail(scope, to);
      // The worker drains the whole run database's outbox first-come (other files' receipts, each with its PDF,
      // two files at a time): once (Node 24 pass, 2026-12-07) this mail waited past 15 s behind them.
      const mail = await waitFor(() => catcher.to(to)[0], 40_000, "the mail");
      expect(mail.subject).toBe("Confirm your email address for Paylink");
      expect(mail.from).toBe('"Paylink" <no-reply@pay.example.com>');
      expect(mail.messageId).toBe(`<${message.id}@pay.example.com>`);
      expect(mail.html).toContain('href="https://pay.example.com/verify-email/tok_secret"');
      expect(mail.text).toContain("https://pay.example.com/verify-email/tok_secret");
      const sent = await waitFor(async () => ((await row(message.id)).status === "sent" ? row(message.id) : null), 5_000, "sent");
      expect(sent).toMatchObject({ transport: "smtp", attemptCount: 1, failureReason: null });
      expect(sent.sentAt).not.toBeNull();
      expect(await eventsOf(message.id)).toEqual(["message.sent"]);
      // The API's view, scoped: another merchant does not see it.
      expect(await getMessage(db, scope, message.id)).toMatchObject({ object: "message", status: "sent", channel: "email", to });
      const other = await newMerchantScope(db);
      await expect(getMessage(db, other, message.id)).rejects.toMatchObject({ code: "resource_missing" });
      await expect(getMessage(db, { ...scope, livemode: true }, message.id)).rejects.toMatchObject({ code: "resource_missing" });
    } finally {
      await worker.stop();
      await catcher.close();
    }
  });

  test("an account email keeps no sign-in link once the SMTP server has it; in the outbox it keeps its content", async () => {
    const catcher = await startMailCatcher();
    const smtp = smtpTransport(catcher.url, "no-reply@pay.example.com");
    try {
      const viaSmtp = await buyerEmail(null, "owner@example.com", "email_verification");
      expect(await sendMessage(db, messaging({ email: smtp }), viaSmtp.id, 1)).toBe("sent");
      const stored = await row(viaSmtp.id);
      expect(stored.html).toBeNull();
      expect(stored.text).not.toContain("tok_secret");
      expect(catcher.to("owner@example.com")[0]!.text).toContain("tok_secret");
      expect(await eventsOf(viaSmtp.id)).toEqual([]); // account emails belong to no merchant: no events

      const viaOutbox = await buyerEmail(null, "owner2@example.com", "email_verification");
      expect(await sendMessage(db, messaging({}), viaOutbox.id, 1)).toBe("sent");
      expect(await row(viaOutbox.id)).toMatchObject({ status: "sent", transport: "outbox" });
      expect((await row(viaOutbox.id)).text).toContain("tok_secret");
    } finally {
      smtp.close();
      await catcher.close();
    }
  });

  test("the URL's credentials log in (SMTP AUTH); wrong ones are a failure that says so, without the password", async () => {
    const catcher = await startMailCatcher({ auth: { user: "paylink@example.com", pass: "s3cret:pass" } });
    const good = smtpTransport(catcher.url, "no-reply@pay.example.com");
    const bad = smtpTransport(catcher.url.replace("s3cret", "wrong"), "no-reply@pay.example.com");
    try {
      const scope = await newMerchantScope(db);
      const message = await buyerEmail(scope, "auth@example.com");
      expect(await sendMessage(db, messaging({ email: bad }), message.id, 1)).toBe("retrying");
      expect((await row(message.id)).failureReason).toBe("The SMTP server refused the user name or password.");
      expect(await sendMessage(db, messaging({ email: good }), message.id, 2)).toBe("sent");
      expect(catcher.to("auth@example.com")).toHaveLength(1);
      expect(JSON.stringify(await listStatusChanges(db, message.id))).not.toContain("wrong");
    } finally {
      good.close();
      bad.close();
      await catcher.close();
    }
  });

  test("a refusal the server calls temporary (451) is retried; the second attempt goes through", async () => {
    const catcher = await startMailCatcher({ refuse: (n) => (n === 1 ? { code: 451, message: "Greylisted, try again" } : null) });
    const smtp = smtpTransport(catcher.url, "no-reply@pay.example.com");
    try {
      const scope = await newMerchantScope(db);
      const message = await buyerEmail(scope);
      expect(await sendMessage(db, messaging({ email: smtp }), message.id, 1)).toBe("retrying");
      expect(await row(message.id)).toMatchObject({ status: "queued", attemptCount: 1, failureReason: expect.stringContaining("451") });
      // The job of the same attempt run again (its worker died after recording) does nothing.
      expect(await sendMessage(db, messaging({ email: smtp }), message.id, 1)).toBe("skipped");
      expect(await sendMessage(db, messaging({ email: smtp }), message.id, 2)).toBe("sent");
      expect(catcher.mails).toHaveLength(1);
      const history = await listStatusChanges(db, message.id);
      expect(history.map((h) => h.status)).toEqual(["queued", "queued", "sent"]);
      expect(history[1]!.detail).toMatch(/Attempt 1 failed: The SMTP server answered 451.*Next attempt in 1 s/);
      expect(await eventsOf(message.id)).toEqual(["message.sent"]);
    } finally {
      smtp.close();
      await catcher.close();
    }
  });

  test("a permanent refusal (550) fails at once; an unreachable server fails after the retries, with the reason and no password", async () => {
    const catcher = await startMailCatcher({ refuse: () => ({ code: 550, message: "No such user here" }) });
    const smtp = smtpTransport(catcher.url, "no-reply@pay.example.com");
    const scope = await newMerchantScope(db);
    try {
      const refused = await buyerEmail(scope);
      expect(await sendMessage(db, messaging({ email: smtp }), refused.id, 1)).toBe("failed");
      expect(await row(refused.id)).toMatchObject({ status: "failed", failureReason: expect.stringMatching(/^The SMTP server answered 550: .*No such user here/) });
      expect(await eventsOf(refused.id)).toEqual(["message.failed"]);
    } finally {
      smtp.close();
      await catcher.close();
    }
    // A port nobody listens on, behind a password that must not show anywhere.
    const closed = smtpTransport(`smtp://paylink:hunter2-secret@localhost:${catcher.port}`, "no-reply@pay.example.com");
    try {
      const unreachable = await buyerEmail(scope);
      expect(await sendMessage(db, messaging({ email: closed }), unreachable.id, 1)).toBe("retrying");
      expect(await sendMessage(db, messaging({ email: closed }), unreachable.id, 2)).toBe("retrying");
      expect(await sendMessage(db, messaging({ email: closed }), unreachable.id, 3)).toBe("failed");
      const failed = await row(unreachable.id);
      expect(failed).toMatchObject({ status: "failed", attemptCount: 3, failureReason: "Could not connect to the SMTP server." });
      const history = JSON.stringify(await listStatusChanges(db, unreachable.id));
      expect(history).not.toContain("hunter2");
    } finally {
      closed.close();
    }
  });
});

describe("queued with what caused it", () => {
  test("a transaction that queued a message and then rolled back leaves no message, no history line and no job", async () => {
    const scope = await newMerchantScope(db);
    const jobsOf = async (handle: Pick<typeof db, "execute">, id: string) =>
      (await handle.execute(sql`select id from pgboss.job where name = 'message-send' and data->>'messageId' = ${id}`)) as unknown as { id: string }[];
    let id = "";
    const caused = db.transaction(async (tx) => {
      id = (await queueMessage(tx, { scope, channel: "email", kind: "payment_request", to: "rolled-back@example.com", subject: "s", html: "<p>x</p>", text: "x" })).id;
      // All three were written, in this transaction...
      expect(await tx.select().from(messages).where(eq(messages.id, id))).toHaveLength(1);
      expect(await listStatusChanges(tx, id)).toHaveLength(1);
      expect(await jobsOf(tx, id)).toHaveLength(1);
      throw new Error("what caused the message failed");
    });
    await expect(caused).rejects.toThrow("what caused the message failed");
    // ...and none outlives it: the worker has nothing to send.
    expect(id).toMatch(/^msg_/);
    expect(await db.select().from(messages).where(eq(messages.id, id))).toEqual([]);
    expect(await listStatusChanges(db, id)).toEqual([]);
    expect(await jobsOf(db, id)).toEqual([]);
  });
});

describe("one attempt, one send", () => {
  test("two runs of one attempt at once (a retried job beside its first run) send it once", async () => {
    const catcher = await startMailCatcher();
    const smtp = smtpTransport(catcher.url, "no-reply@pay.example.com");
    try {
      const scope = await newMerchantScope(db);
      const message = await buyerEmail(scope, "twice@example.com");
      const outcomes = await Promise.all([sendMessage(db, messaging({ email: smtp }), message.id, 1), sendMessage(db, messaging({ email: smtp }), message.id, 1)]);
      expect(outcomes.sort()).toEqual(["sent", "skipped"]);
      expect(catcher.to("twice@example.com")).toHaveLength(1);
      expect(await eventsOf(message.id)).toEqual(["message.sent"]);
    } finally {
      smtp.close();
      await catcher.close();
    }
  });

  test("a sender that died holding its claim: the attempt runs again once the claim lapses, and the sweep re-queues lost jobs", async () => {
    const scope = await newMerchantScope(db);
    const message = await buyerEmail(scope, "crashed@example.com");
    // As if a sender had claimed attempt 1 and died before recording it.
    await db.update(messages).set({ attemptCount: 1, claimedUntil: new Date(Date.now() + 60_000) }).where(eq(messages.id, message.id));
    expect(await sendMessage(db, messaging({}), message.id, 1)).toBe("skipped"); // still held
    await db.update(messages).set({ claimedUntil: new Date(Date.now() - 1000), nextAttemptAt: new Date(Date.now() - 3_600_000) }).where(eq(messages.id, message.id));
    const requeued = await requeueOverdueMessages(db);
    expect(requeued).toBeGreaterThanOrEqual(1);
    const [job] = (await db.execute(sql`select data from pgboss.job where name = 'message-send' and data->>'messageId' = ${message.id} order by created_on desc limit 1`)) as unknown as { data: { attempt: number } }[];
    expect(job!.data.attempt).toBe(1); // the lapsed attempt again, not a new one
    expect(await requeueOverdueMessages(db)).toBe(0); // once per overdue message
    expect(await sendMessage(db, messaging({}), message.id, 1)).toBe("sent");
    expect(await row(message.id)).toMatchObject({ status: "sent", attemptCount: 1, claimedUntil: null });
  });
});

describe("SMS through a Twilio-compatible API", () => {
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  let appUrl: string;
  let server: ReturnType<typeof createServer>;
  let sms: Messaging;
  beforeAll(async () => {
    twilio = await startFakeTwilio({ outcome: (n) => (n === 2 ? "undelivered" : n === 3 ? { httpStatus: 400, code: 21211, message: "The 'To' number is not a valid phone number." } : "delivered") });
    const provider = twilioProvider({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: "+15005550006", apiUrl: twilio.apiUrl });
    // The status route's own handler, on a local server named by host name; the path's provider segment is the
    // route's [provider] (/api/sms/<provider>/status).
    server = createServer(async (incoming, outgoing) => {
      const request = await toRequest(incoming, "http://localhost");
      const providerName = /^\/api\/sms\/([^/]+)\/status$/.exec(new URL(request.url).pathname)?.[1] ?? "";
      const response = await receiveDeliveryReport(request, providerName, { db, provider, appUrl, log }).catch((error: unknown) => toErrorResponse(error));
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    appUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
    sms = messaging({ sms: provider, appUrl });
  });
  afterAll(async () => {
    await twilio.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const queueSms = async (scope: { merchantId: string; livemode: boolean }, to: string) =>
    db.transaction((tx) => queueMessage(tx, { scope, channel: "sms", kind: "payment_request", to, text: "Pay Demo Coffee: https://pay.example.com/l/x?src=sms" }));

  test("sent with Basic auth and a status callback; Twilio's signed reports move it to delivered, or failed", async () => {
    const scope = await newMerchantScope(db);
    const delivered = await queueSms(scope, "+46701234567");
    expect(await sendMessage(db, sms, delivered.id, 1)).toBe("sent");
    expect(twilio.sent[0]).toMatchObject({ to: "+46701234567", from: "+15005550006", body: expect.stringContaining("src=sms"), statusCallback: `${appUrl}/api/sms/twilio/status?message=${delivered.id}` });
    const done = await waitFor(async () => ((await row(delivered.id)).status === "delivered" ? row(delivered.id) : null), 5_000, "delivered");
    expect(done).toMatchObject({ transport: "twilio", providerMessageId: twilio.sent[0]!.sid });
    expect(done.deliveredAt).not.toBeNull();
    expect(await eventsOf(delivered.id)).toEqual(["message.delivered", "message.sent"]);

    const undelivered = await queueSms(scope, "+46701234568");
    expect(await sendMessage(db, sms, undelivered.id, 1)).toBe("sent");
    const failed = await waitFor(async () => ((await row(undelivered.id)).status === "failed" ? row(undelivered.id) : null), 5_000, "failed");
    expect(failed.failureReason).toBe("Twilio reported undelivered (error 30003).");
    expect((await listStatusChanges(db, undelivered.id)).map((h) => h.status)).toEqual(["queued", "sent", "failed"]);
    // Every callback was answered 2xx (the intermediate "sent" ones too).
    expect(twilio.callbacks.every((c) => c.status === 204)).toBe(true);

    // Twilio refusing the number (400) is permanent: failed at once, with Twilio's words.
    const refused = await queueSms(scope, "+4670");
    expect(await sendMessage(db, sms, refused.id, 1)).toBe("failed");
    expect((await row(refused.id)).failureReason).toBe("Twilio answered 400 (error 21211): The 'To' number is not a valid phone number.");
    const page = await listMessages(db, scope, { channel: "sms", status: "failed" });
    expect(page.data.map((m) => m.id)).toEqual([refused.id, undelivered.id]);
  });

  test("a report with a wrong signature, or about another message, changes nothing", async () => {
    const scope = await newMerchantScope(db);
    const message = await queueSms(scope, "+46701230000");
    const url = `${appUrl}/api/sms/twilio/status?message=${message.id}`;
    const forged = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "AAAA" }, body: "MessageSid=SMx&MessageStatus=delivered" });
    expect(forged.status).toBe(401);
    expect(await sendMessage(db, sms, message.id, 1)).toBe("sent");
    await waitFor(async () => (await row(message.id)).status === "delivered", 5_000, "delivered");
    // A correctly signed report naming another Twilio message: refused, the message stays as it was.
    await twilio.postCallback(url, { MessageSid: "SMnotours", MessageStatus: "undelivered" });
    expect(twilio.callbacks.at(-1)!.status).toBe(404);
    expect((await row(message.id)).status).toBe("delivered");
    const history = await listStatusChanges(db, message.id);
    expect(history.map((h) => h.status)).toEqual(["queued", "sent", "delivered"]);
  });

  test("a report to a provider Paylink does not know is 404 in the API's error shape, however well signed; so is one to a provider not configured", async () => {
    const scope = await newMerchantScope(db);
    const message = await queueSms(scope, "+46701239999");
    expect(await sendMessage(db, sms, message.id, 1)).toBe("sent");
    await waitFor(async () => (await row(message.id)).status === "delivered", 5_000, "delivered");
    await twilio.postCallback(`${appUrl}/api/sms/nope/status?message=${message.id}`, { MessageSid: twilio.sent.at(-1)!.sid, MessageStatus: "undelivered" });
    expect(twilio.callbacks.at(-1)!.status).toBe(404);
    const answer = await fetch(`${appUrl}/api/sms/nope/status?message=${message.id}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "MessageStatus=failed" });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: { type: "invalid_request_error", code: "resource_missing", message: "No such SMS provider.", param: null } });
    expect((await row(message.id)).status).toBe("delivered");
    // Twilio's path with no SMS provider configured (SMS_PROVIDER unset): nobody to hear it.
    const unconfigured = new Request(`${appUrl}/api/sms/twilio/status?message=${message.id}`, { method: "POST", body: "MessageStatus=failed" });
    await expect(receiveDeliveryReport(unconfigured, "twilio", { db, provider: null, appUrl, log })).rejects.toMatchObject({ code: "resource_missing" });
  });
});

test("list filters: by payment link, order, channel and status, newest first, one merchant and mode only", async () => {
  const scope = await newMerchantScope(db);
  const a = await db.transaction((tx) => queueMessage(tx, { scope, channel: "email", kind: "payment_request", to: "a@example.com", paymentLinkId: "plink_A", subject: "s", html: "<p>x</p>", text: "x" }));
  const b = await db.transaction((tx) => queueMessage(tx, { scope, channel: "sms", kind: "payment_request", to: "+46701234567", orderId: "ord_B", text: "x" }));
  await db.transaction((tx) => queueMessage(tx, { scope: { ...scope, livemode: true }, channel: "sms", kind: "payment_request", to: "+46701234567", orderId: "ord_B", text: "x" }));
  expect((await listMessages(db, scope, {})).data.map((m) => m.id)).toEqual([b.id, a.id]);
  expect((await listMessages(db, scope, { payment_link: "plink_A" })).data.map((m) => m.id)).toEqual([a.id]);
  expect((await listMessages(db, scope, { order: "ord_B" })).data.map((m) => m.id)).toEqual([b.id]);
  expect((await listMessages(db, scope, { channel: "email", status: "queued" })).data.map((m) => m.id)).toEqual([a.id]);
  expect((await listMessages(db, scope, { limit: "1" })).has_more).toBe(true);
  expect((await listMessages(db, scope, { limit: "1", starting_after: b.id })).data.map((m) => m.id)).toEqual([a.id]);
  await expect(listMessages(db, scope, { status: "lost" })).rejects.toThrow(/Must be one of: queued, sent, delivered, failed/);
  expect((await db.select().from(messages).where(and(eq(messages.merchantId, scope.merchantId)))).length).toBe(3);
});
