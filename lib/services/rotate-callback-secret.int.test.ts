import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, test } from "vitest";
import { findCallbackSecret } from "@/db/queries/webhooks";
import { events, webhookMessages } from "@/db/schema";
import { openTestDatabase, uniqueEmail } from "@/test/db";
import { startReceiver } from "@/test/receiver";
import { createPaymentLink } from "./create-payment-link";
import { deliverMessage } from "./deliver-webhook-message";
import { fanoutEvent } from "./fanout-event";
import { addMember } from "./add-member";
import { rotateCallbackSecret } from "./rotate-callback-secret";
import { signUp } from "./sign-up";

const { db } = await openTestDatabase();

async function account(tag: string) {
  const email = uniqueEmail(tag);
  const ids = await signUp(db, { email, password: "a long enough password", businessName: tag, country: "US", currency: "USD" }, { verified: true });
  return { email, ...ids };
}

const secretOf = async (merchantId: string, livemode = false) => (await findCallbackSecret(db, { merchantId, livemode }))!;

describe("rotateCallbackSecret", () => {
  test("an owner gets a new secret, which is stored; nobody else's changes", async () => {
    const owner = await account("cb-owner");
    const bystander = await account("cb-bystander");
    const before = await secretOf(owner.merchantId);
    const theirs = await secretOf(bystander.merchantId);

    const live = await secretOf(owner.merchantId, true);
    const { secret } = await rotateCallbackSecret(db, { ...owner, livemode: false });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    expect(secret).not.toBe(before);
    expect(await secretOf(owner.merchantId)).toBe(secret);
    expect(await secretOf(bystander.merchantId)).toBe(theirs);
    // Rolling the test secret leaves the live one as it was.
    expect(await secretOf(owner.merchantId, true)).toBe(live);

    const again = await rotateCallbackSecret(db, { ...owner, livemode: false });
    expect(again.secret).not.toBe(secret);
  });

  test("an admin may rotate; a viewer and an outsider may not, and the secret stays", async () => {
    const owner = await account("cb-owner2");
    const admin = await account("cb-admin");
    const viewer = await account("cb-viewer");
    const outsider = await account("cb-outsider");
    await addMember(db, owner, { email: admin.email, role: "admin" });
    await addMember(db, owner, { email: viewer.email, role: "viewer" });

    const { secret } = await rotateCallbackSecret(db, { userId: admin.userId, merchantId: owner.merchantId, livemode: false });
    expect(await secretOf(owner.merchantId)).toBe(secret);

    await expect(rotateCallbackSecret(db, { userId: viewer.userId, merchantId: owner.merchantId, livemode: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(rotateCallbackSecret(db, { userId: outsider.userId, merchantId: owner.merchantId, livemode: true })).rejects.toMatchObject({ code: "resource_missing" });
    expect(await secretOf(owner.merchantId)).toBe(secret);
  });

  test("status callbacks are signed with the new secret only, from the next delivery on", async () => {
    const owner = await account("cb-signing");
    const old = await secretOf(owner.merchantId);
    const { secret } = await rotateCallbackSecret(db, { ...owner, livemode: false });
    const receiver = await startReceiver(() => secret);
    try {
      const ctx = { merchantId: owner.merchantId, livemode: false, appUrl: "https://pay.example.com" };
      const link = await createPaymentLink(db, ctx, { item_name: "Signed", amount: 500, currency: "USD", default_country: "US", status_callback_url: receiver.url });
      const [event] = await db.select().from(events).where(eq(events.objectId, link.id));
      expect(await fanoutEvent(db, event!.id)).toBe(1);
      const [message] = await db.select().from(webhookMessages).where(eq(webhookMessages.eventId, event!.id));
      expect(message!.callbackUrl).toBe(receiver.url);
      const outcome = await deliverMessage(db, message!.id, { retrySchedule: [1], timeoutMs: 5_000, disableAfterMs: 3_600_000, allowPrivate: true });
      expect(outcome).toBe("succeeded");

      expect(receiver.received).toHaveLength(1);
      const [delivery] = receiver.received;
      expect(delivery!.error).toBeNull();
      expect(delivery!.headers["webhook-id"]).toBe(event!.id);
      const headers = {
        "webhook-id": String(delivery!.headers["webhook-id"]),
        "webhook-timestamp": String(delivery!.headers["webhook-timestamp"]),
        "webhook-signature": String(delivery!.headers["webhook-signature"]),
      };
      expect(() => new Webhook(old).verify(delivery!.body, headers)).toThrow();
    } finally {
      await receiver.close();
    }
  });
});
