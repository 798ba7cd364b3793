import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, webhookAttempts, webhookEndpoints, webhookMessages } from "@/db/schema";
import { openTestDatabase } from "@/test/db";
import { runDeliveryWorker } from "@/test/delivery-worker";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { startReceiver, waitFor } from "@/test/receiver";
import { createPaymentLink } from "./create-payment-link";
import { deliverMessage } from "./deliver-webhook-message";
import { fanoutEvent } from "./fanout-event";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { resendEvent } from "./resend-event";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import { payLink } from "./pay-link";

const database = await openTestDatabase();
const { db } = database;
runDeliveryWorker(database);

const paymentContext = simulatorContext(db);
const webhookCtx = async () => ({ ...(await newMerchantScope(db)), allowPrivate: true });

async function messagesOf(endpointId: string) {
  return db.select().from(webhookMessages).where(eq(webhookMessages.endpointId, endpointId));
}

describe("delivery through the worker", () => {
  test("paying a link delivers signed events that verify with the standardwebhooks library", async () => {
    const ctx = await webhookCtx();
    let secret = "";
    const receiver = await startReceiver(() => secret);
    try {
      const endpoint = await createWebhookEndpoint(db, ctx, { url: receiver.url, events: ["order.paid", "order.created"] });
      secret = endpoint.secret!;
      expect(endpoint.secret).toMatch(/^whsec_/);
      const link = await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Tea", amount: 800, currency: "EUR", default_country: "DE" });
      const committedAt = Date.now();
      const paid = await payLink(db, paymentContext, link.url.split("/").pop()!, cardBuyer());
      await waitFor(() => receiver.received.length >= 2, 15_000, "two deliveries");
      const types = receiver.received.map((r) => (r.verified as { type: string }).type).sort();
      expect(types).toEqual(["order.created", "order.paid"]);
      for (const r of receiver.received) {
        expect(r.error).toBeNull();
        expect(r.headers["webhook-id"]).toMatch(/^evt_/);
        expect((r.verified as { data: { object: { id: string } } }).data.object.id).toBe(paid.order.id);
      }
      // payment_link.created was not subscribed to, so it was not sent.
      expect(receiver.received.some((r) => r.body.includes('"payment_link.created"'))).toBe(false);
      console.log(`first delivery ${receiver.received[0]!.at - committedAt} ms after commit`);
      const [attempt] = await waitFor(
        () =>
          db
            .select()
            .from(webhookAttempts)
            .innerJoin(webhookMessages, eq(webhookMessages.id, webhookAttempts.messageId))
            .where(eq(webhookMessages.endpointId, endpoint.id))
            .limit(1)
            .then((rows) => (rows.length ? rows : null)),
        5_000,
        "the attempt to be recorded",
      );
      expect(attempt!.webhook_attempts).toMatchObject({ statusCode: 200, succeeded: true, responseBody: "ok", attemptNumber: 1 });
    } finally {
      await receiver.close();
    }
  });

  test("a receiver that fails the first attempts sees the retries in order, then success", async () => {
    const ctx = await webhookCtx();
    let secret = "";
    const receiver = await startReceiver(() => secret, (n) => (n <= 2 ? 503 : 200));
    try {
      const endpoint = await createWebhookEndpoint(db, ctx, { url: receiver.url, events: ["payment_link.created"] });
      secret = endpoint.secret!;
      await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Retry", amount: 100, currency: "USD", default_country: "US" });
      await waitFor(() => receiver.received.some((r) => r.status === 200), 20_000, "a successful retry");
      expect(receiver.received.map((r) => r.status)).toEqual([503, 503, 200]);
      const ids = new Set(receiver.received.map((r) => r.headers["webhook-id"]));
      expect(ids.size).toBe(1);
      // The schedule (1 s, 1 s here) is respected between attempts.
      expect(receiver.received[1]!.at - receiver.received[0]!.at).toBeGreaterThanOrEqual(900);
      const [message] = await waitFor(async () => {
        const rows = await messagesOf(endpoint.id);
        return rows[0]?.status === "succeeded" ? rows : null;
      }, 5_000, "the success to be recorded");
      expect(message).toMatchObject({ status: "succeeded", attemptCount: 3 });
      const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      expect(row!.failingSince).toBeNull();
    } finally {
      await receiver.close();
    }
  });

  test("after the last scheduled retry the message is failed, and a manual resend delivers it", async () => {
    const ctx = await webhookCtx();
    let secret = "";
    let healthy = false;
    const receiver = await startReceiver(() => secret, () => (healthy ? 200 : 500));
    try {
      const endpoint = await createWebhookEndpoint(db, ctx, { url: receiver.url, events: ["*"] });
      secret = endpoint.secret!;
      const link = await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Down", amount: 100, currency: "USD", default_country: "US" });
      const [message] = await waitFor(async () => {
        const rows = await messagesOf(endpoint.id);
        return rows[0]?.status === "failed" ? rows : null;
      }, 20_000, "the message to fail");
      expect(message!.attemptCount).toBe(4); // the first attempt and three retries
      healthy = true;
      const [event] = await db.select().from(events).where(eq(events.objectId, link.id));
      await resendEvent(db, ctx, endpoint.id, { event: event!.id });
      await waitFor(() => receiver.received.some((r) => r.status === 200), 10_000, "the resend");
    } finally {
      await receiver.close();
    }
  });
});

describe("secret rotation", () => {
  test("for 24 hours both the old and the new secret verify every delivery", async () => {
    const ctx = await webhookCtx();
    let secrets: string[] = [];
    const receiver = await startReceiver(() => secrets);
    try {
      const endpoint = await createWebhookEndpoint(db, ctx, { url: receiver.url, events: ["payment_link.created"] });
      const rotated = await rotateWebhookSecret(db, ctx, endpoint.id);
      expect(rotated.secret).not.toBe(endpoint.secret);
      secrets = [endpoint.secret!, rotated.secret!]; // the receiver checks each one separately
      await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Rotate", amount: 100, currency: "USD", default_country: "US" });
      await waitFor(() => receiver.received.length >= 1, 10_000, "a delivery");
      expect(receiver.received[0]!.error).toBeNull();
      expect(String(receiver.received[0]!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });
});

describe("outbound safety", () => {
  test.each(["http://127.0.0.1/x", "http://10.0.0.1/x", "http://172.16.0.1/x", "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/x", "http://[::1]/x", "http://[::ffff:127.0.0.1]/x", "http://localhost:8080/x"])(
    "%s is refused when saved",
    async (url) => {
      const ctx = { ...(await newMerchantScope(db)), allowPrivate: false };
      await expect(createWebhookEndpoint(db, ctx, { url, events: ["*"] })).rejects.toMatchObject({ code: "parameter_invalid", param: "url" });
    },
  );

  test("a hostname resolving to 127.0.0.1 is refused, and checked again at delivery time", async () => {
    const ctx = { ...(await newMerchantScope(db)), allowPrivate: false, resolve: async () => ["127.0.0.1"] };
    await expect(createWebhookEndpoint(db, ctx, { url: "https://hooks.example.com/x", events: ["*"] })).rejects.toMatchObject({ param: "url" });

    // Saved while it resolved publicly; at delivery it resolves to loopback: refused, recorded as a failure.
    const publicCtx = { ...ctx, resolve: async () => ["93.184.216.34"] };
    const endpoint = await createWebhookEndpoint(db, publicCtx, { url: "https://hooks.example.com/x", events: ["payment_link.created"] });
    await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Rebind", amount: 100, currency: "USD", default_country: "US" });
    const [message] = await waitFor(async () => {
      const rows = await messagesOf(endpoint.id);
      return rows.length ? rows : null;
    }, 10_000, "the message");
    await db.update(webhookMessages).set({ status: "pending" }).where(eq(webhookMessages.id, message!.id));
    const outcome = await deliverMessage(db, message!.id, { retrySchedule: [], timeoutMs: 2000, disableAfterMs: 1e9, allowPrivate: false, resolve: async () => ["127.0.0.1"] });
    expect(outcome).toBe("failed");
    const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.messageId, message!.id));
    expect(attempts.some((a) => /private|loopback|not allowed|address/i.test(a.error ?? ""))).toBe(true);
  });

  test("live mode requires https", async () => {
    const ctx = { ...(await newMerchantScope(db)), livemode: true, allowPrivate: true };
    await expect(createWebhookEndpoint(db, ctx, { url: "http://hooks.example.com/x", events: ["*"] })).rejects.toMatchObject({ param: "url" });
  });
});

test("an endpoint failing for longer than the limit is disabled and says why", async () => {
  const ctx = await webhookCtx();
  const receiver = await startReceiver(() => "whsec_unused", () => 500);
  try {
    const endpoint = await createWebhookEndpoint(db, ctx, { url: receiver.url, events: ["payment_link.created"] });
    await updateWebhookEndpoint(db, ctx, endpoint.id, { enabled: true });
    await db.update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 6 * 86_400_000) }).where(eq(webhookEndpoints.id, endpoint.id));
    await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Dying", amount: 100, currency: "USD", default_country: "US" });
    const row = await waitFor(async () => {
      const [r] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, false)));
      return r;
    }, 10_000, "the endpoint to be disabled");
    expect(row.disabledReason).toMatch(/Disabled automatically/);
    const enabledAgain = await updateWebhookEndpoint(db, ctx, endpoint.id, { enabled: true });
    expect(enabledAgain).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
  } finally {
    await receiver.close();
  }
});

test("fan-out twice makes no second message", async () => {
  const ctx = await webhookCtx();
  const endpoint = await createWebhookEndpoint(db, ctx, { url: "http://127.0.0.1:9/never", events: ["*"] });
  await updateWebhookEndpoint(db, ctx, endpoint.id, { enabled: false });
  const link = await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Once", amount: 100, currency: "USD", default_country: "US" });
  const [event] = await db.select().from(events).where(eq(events.objectId, link.id));
  await updateWebhookEndpoint(db, ctx, endpoint.id, { enabled: true });
  await fanoutEvent(db, event!.id);
  await fanoutEvent(db, event!.id);
  expect((await messagesOf(endpoint.id)).filter((m) => m.eventId === event!.id)).toHaveLength(1);
});

test("a link's status_callback_url hears about that link, signed with the merchant's test callback secret", async () => {
  const ctx = await webhookCtx();
  const { merchants } = await import("@/db/schema");
  const [merchant] = await db.select({ secret: merchants.callbackSecretTest }).from(merchants).where(eq(merchants.id, ctx.merchantId));
  expect(merchant!.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  const receiver = await startReceiver(() => merchant!.secret);
  try {
    const link = await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Callback", amount: 100, currency: "USD", default_country: "US", status_callback_url: receiver.url });
    await payLink(db, paymentContext, link.url.split("/").pop()!, cardBuyer());
    await waitFor(() => receiver.received.length >= 4, 10_000, "callbacks");
    const types = receiver.received.map((r) => (r.verified as { type: string }).type).sort();
    expect(types).toEqual(["order.created", "order.paid", "order.processing", "payment_link.created"]);
    expect(receiver.received.every((r) => r.error === null)).toBe(true);
  } finally {
    await receiver.close();
  }
});

test("a delivery job retried after its worker died does not start a second retry chain", async () => {
  const ctx = await webhookCtx();
  const endpoint = await createWebhookEndpoint(db, ctx, { url: "http://127.0.0.1:9/refused", events: ["payment_link.created"] });
  await updateWebhookEndpoint(db, ctx, endpoint.id, { enabled: false });
  const link = await createPaymentLink(db, { ...ctx, appUrl: paymentContext.appUrl }, { item_name: "Chain", amount: 100, currency: "USD", default_country: "US" });
  const [event] = await db.select().from(events).where(eq(events.objectId, link.id));
  await updateWebhookEndpoint(db, ctx, endpoint.id, { enabled: true });
  // A message with no job behind it, so the running worker cannot race this test.
  const [message] = await db
    .insert(webhookMessages)
    .values({ id: `msg_chain${Date.now()}`, eventId: event!.id, merchantId: ctx.merchantId, livemode: false, endpointId: endpoint.id, origin: "resend" })
    .returning();
  const config = { retrySchedule: [3600, 3600], timeoutMs: 1000, disableAfterMs: 1e12, allowPrivate: true };
  expect(await deliverMessage(db, message!.id, config, new Date(), 1)).toBe("retrying");
  // The same job again (its worker died after the commit): already recorded, so nothing happens.
  expect(await deliverMessage(db, message!.id, config, new Date(), 1)).toBe("skipped");
  const [after] = await db.select().from(webhookMessages).where(eq(webhookMessages.id, message!.id));
  expect(after!.attemptCount).toBe(1);
});
