import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { events } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { eventObjectSchema, webhookMessageObjectSchema } from "@/lib/webhooks/object-schema";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { startReceiver } from "@/test/receiver";
import { createPaymentLink } from "./create-payment-link";
import { deliverMessage, type DeliveryConfig } from "./deliver-webhook-message";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { resendEvent } from "./resend-event";
import { payLink } from "./pay-link";
import { updatePaymentLink } from "./update-payment-link";

const { db } = await openTestDatabase();
const paymentContext = simulatorContext(db);

async function newCtx() {
  return { ...(await newMerchantScope(db)), appUrl: paymentContext.appUrl };
}

const link = { item_name: "Tea", amount: 800, currency: "USD", default_country: "US" };

async function expectMissing(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "resource_missing", param: "id" });
}

describe("listEvents", () => {
  test("answers the merchant's events of its mode, newest first, filtered by type and paged with a cursor", async () => {
    const ctx = await newCtx();
    const a = await createPaymentLink(db, ctx, link);
    const b = await createPaymentLink(db, ctx, { ...link, item_name: "Coffee" });
    await updatePaymentLink(db, ctx, a.id, { active: false });
    // Another merchant, and the same merchant's live mode, see none of them.
    const other = await newCtx();
    await createPaymentLink(db, other, link);

    const all = await listEvents(db, ctx, {});
    expect(all).toMatchObject({ object: "list", url: "/api/v1/events", has_more: false });
    expect(all.data.map((e) => [e.type, (e.data.object as { id: string }).id])).toEqual([
      ["payment_link.updated", a.id],
      ["payment_link.created", b.id],
      ["payment_link.created", a.id],
    ]);
    for (const event of all.data) expect(event).toMatchObject({ object: "event", livemode: false, id: expect.stringMatching(/^evt_/) });
    expect(all.data[0]!.data.object).toMatchObject({ active: false });

    const created = await listEvents(db, ctx, { type: "payment_link.created" });
    expect(created.data.map((e) => (e.data.object as { id: string }).id)).toEqual([b.id, a.id]);

    const first = await listEvents(db, ctx, { limit: "2" });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const second = await listEvents(db, ctx, { limit: "2", starting_after: first.data[1]!.id });
    expect(second.data.map((e) => e.id)).toEqual([all.data[2]!.id]);
    expect(second.has_more).toBe(false);

    expect((await listEvents(db, { ...ctx, livemode: true }, {})).data).toEqual([]);
    expect((await listEvents(db, other, {})).data).toHaveLength(1);
  });

  test.each([
    [{ limit: "0" }],
    [{ limit: "101" }],
    [{ type: "order.exploded" }],
    [{ starting_after: "ord_123" }],
    [{ created: "yesterday" }],
  ])("refuses %j", async (params) => {
    const ctx = await newCtx();
    await expect(listEvents(db, ctx, params)).rejects.toBeInstanceOf(ZodError);
  });

  test("answers each object as the API did right after the change, in the documented event shape", async () => {
    const ctx = await newCtx();
    const created = await createPaymentLink(db, ctx, link);
    await payLink(db, paymentContext, created.url.split("/").pop()!, cardBuyer());
    const { data } = await listEvents(db, ctx, {});
    expect(data.map((e) => e.type)).toEqual(["order.paid", "order.processing", "order.created", "payment_link.created"]);
    for (const event of data) expect(eventObjectSchema.parse(event)).toEqual(event);
  });
});

describe("getEvent", () => {
  test("answers one of the merchant's events, and 404 for another merchant's, the other mode's or an unknown id", async () => {
    const ctx = await newCtx();
    const created = await createPaymentLink(db, ctx, link);
    const [row] = await db.select().from(events).where(eq(events.objectId, created.id));
    const event = await getEvent(db, ctx, row!.id);
    expect(event).toEqual({ id: row!.id, object: "event", type: "payment_link.created", livemode: false, merchant: ctx.merchantId, created_at: row!.createdAt.toISOString(), data: { object: created } });

    await expectMissing(getEvent(db, await newCtx(), row!.id));
    await expectMissing(getEvent(db, { ...ctx, livemode: true }, row!.id));
    await expectMissing(getEvent(db, ctx, "evt_doesnotexist"));
  });
});

describe("resendEvent's answer", () => {
  test("is the documented WebhookMessage, field for field, and is delivered like any message", async () => {
    const ctx = await newCtx();
    let secret = "";
    const receiver = await startReceiver(() => secret);
    try {
      const endpoint = await createWebhookEndpoint(db, { ...ctx, allowPrivate: true }, { url: receiver.url, events: ["order.paid"] });
      secret = endpoint.secret!;
      const created = await createPaymentLink(db, ctx, link);
      const { data } = await listEvents(db, ctx, { type: "payment_link.created" });
      expect(data.map((e) => (e.data.object as { id: string }).id)).toEqual([created.id]);

      // Not subscribed to payment_link.created, but a resend sends whatever event it is given.
      const resent = await resendEvent(db, ctx, endpoint.id, { event: data[0]!.id });
      expect(webhookMessageObjectSchema.parse(resent)).toEqual(resent);
      expect(resent).toMatchObject({ event: data[0]!.id, webhook_endpoint: endpoint.id, status: "pending" });
      const config: DeliveryConfig = { retrySchedule: [60], timeoutMs: 5_000, disableAfterMs: 3600_000, allowPrivate: true };
      expect(await deliverMessage(db, resent.id, config)).toBe("succeeded");
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.error).toBeNull();
      expect(receiver.received[0]!.verified).toEqual(await getEvent(db, ctx, data[0]!.id));
    } finally {
      await receiver.close();
    }
  });
});
