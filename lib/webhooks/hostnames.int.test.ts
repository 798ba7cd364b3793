import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, webhookAttempts, webhookMessages } from "@/db/schema";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { deliverMessage, type DeliveryConfig } from "@/lib/services/deliver-webhook-message";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { openTestDatabase } from "@/test/db";
import { newMerchantScope } from "@/test/payments";
import { startReceiver } from "@/test/receiver";

// Real endpoints are host names. Node 20 asks a custom `lookup` for every address at once ({all: true},
// autoSelectFamily); a lookup that answered with one address failed every delivery to a host name with
// "Invalid IP address: undefined", while every test that used an IP literal passed.

const { db } = await openTestDatabase();

const config = (resolve?: DeliveryConfig["resolve"]): DeliveryConfig => ({
  retrySchedule: [3600],
  timeoutMs: 5_000,
  disableAfterMs: 1e12,
  allowPrivate: true,
  resolve,
});

/** A webhook message for a fresh endpoint at `url`, with no job behind it (delivered by the test itself). */
async function messageFor(url: string) {
  const scope = await newMerchantScope(db);
  const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true, resolve: async () => ["127.0.0.1", "::1"] }, { url, events: ["payment_link.created"] });
  const link = await createPaymentLink(db, { ...scope, appUrl: "http://localhost:3999" }, { item_name: "Hostname", amount: 100, currency: "USD", default_country: "US" });
  const [event] = await db.select().from(events).where(eq(events.objectId, link.id));
  const [message] = await db
    .insert(webhookMessages)
    .values({ id: `msg_host${Date.now()}${Math.random().toString(36).slice(2, 8)}`, eventId: event!.id, merchantId: scope.merchantId, livemode: false, endpointId: endpoint.id, origin: "resend" })
    .returning();
  return { message: message!, secret: endpoint.secret! };
}

describe("deliveries to host names", () => {
  test("http://localhost:<port>/… with an IPv4 listener, resolved by the system resolver", async () => {
    let secret = "";
    const receiver = await startReceiver(() => secret);
    try {
      expect(new URL(receiver.url).hostname).toBe("localhost");
      const made = await messageFor(receiver.url);
      secret = made.secret;
      expect(await deliverMessage(db, made.message.id, config())).toBe("succeeded");
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.error).toBeNull();
      expect(receiver.received[0]!.headers.host).toBe(`localhost:${receiver.port}`);
    } finally {
      await receiver.close();
    }
  });

  test("an IPv6 listener behind a name that resolves to ::1", async () => {
    let secret = "";
    const receiver = await startReceiver(() => secret, () => 200, { host: "::1" });
    try {
      const made = await messageFor(receiver.url);
      secret = made.secret;
      // This machine's /etc/hosts maps localhost to 127.0.0.1 only; answer as a dual-stack host's would.
      expect(await deliverMessage(db, made.message.id, config(async () => ["::1"]))).toBe("succeeded");
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.error).toBeNull();
    } finally {
      await receiver.close();
    }
  });

  test("every approved address is tried in order: IPv4 first refuses, the IPv6 listener answers", async () => {
    let secret = "";
    const receiver = await startReceiver(() => secret, () => 200, { host: "::1" });
    try {
      const made = await messageFor(receiver.url);
      secret = made.secret;
      expect(await deliverMessage(db, made.message.id, config(async () => ["127.0.0.1", "::1"]))).toBe("succeeded");
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  test("only the approved addresses are used: a name whose answer changes to a refused one is not reached", async () => {
    let secret = "";
    const receiver = await startReceiver(() => secret);
    try {
      const made = await messageFor(receiver.url);
      secret = made.secret;
      const strict: DeliveryConfig = { ...config(async () => ["127.0.0.1"]), allowPrivate: false };
      // With private addresses refused, "localhost" is refused before any connection is made.
      expect(await deliverMessage(db, made.message.id, strict)).toBe("retrying");
      expect(receiver.received).toHaveLength(0);
      const [attempt] = await db.select().from(webhookAttempts).where(eq(webhookAttempts.messageId, made.message.id));
      expect(attempt!.error).toMatch(/local or internal host name/);
    } finally {
      await receiver.close();
    }
  });
});
