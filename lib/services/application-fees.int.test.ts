import { and, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { events, merchants, orders, paymentLinks } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { appErrorFromZod } from "@/lib/core/field-errors";
import type { ServiceContext } from "@/lib/core/scope";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, withNotificationReceiver } from "@/test/payments";
import { captureOrder } from "./capture-order";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { getOrder } from "./get-order";
import { getPaymentLink } from "./get-payment-link";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import { updatePaymentLink } from "./update-payment-link";

// application_fee_amount (API.md, "Platforms acting for their merchants"): only a platform acting for its
// connected merchant sets it, within the amount; a link's fee is recorded on each order paid through it.

const { db } = await openTestDatabase();
const receiver = await withNotificationReceiver(db);
const paymentContext = receiver.paymentContext;
afterAll(() => receiver.close());

/**
 * A platform and one of its connected merchants (test mode), as the API's pipeline hands them to services: the
 * platform's key with `Paylink-Merchant` (acting), and the connected merchant's own key (own).
 */
async function connectedMerchant() {
  const platform = await newMerchantScope(db);
  const merchant = await newMerchantScope(db);
  await db.update(merchants).set({ platform: true }).where(eq(merchants.id, platform.merchantId));
  await db.update(merchants).set({ platformId: platform.merchantId, connectedLivemode: false }).where(eq(merchants.id, merchant.merchantId));
  const own = { ...merchant, ...paymentContext } satisfies ServiceContext;
  const acting = { ...own, actingPlatformId: platform.merchantId } satisfies ServiceContext;
  return { platform, merchant, own, acting };
}

const fixed = { item_name: "Tea box", amount: 2_500, currency: "USD", default_country: "US" };

/** The error a refused call answers with, as the API maps it (a zod error becomes parameter_invalid). */
async function refusal(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  const error = thrown instanceof ZodError ? appErrorFromZod(thrown) : thrown;
  expect(error).toBeInstanceOf(AppError);
  const { code, param, message } = error as AppError;
  return { code, param, message };
}

/** What the merchant has written: links, orders and events. */
async function written(merchantId: string) {
  const [l] = await db.select({ n: count() }).from(paymentLinks).where(eq(paymentLinks.merchantId, merchantId));
  const [o] = await db.select({ n: count() }).from(orders).where(eq(orders.merchantId, merchantId));
  const [e] = await db.select({ n: count() }).from(events).where(eq(events.merchantId, merchantId));
  return { links: l!.n, orders: o!.n, events: e!.n };
}

describe("application_fee_amount on a payment link", () => {
  test("a platform acting for its merchant sets it: the link and its event show it, and the merchant", async () => {
    const { merchant, acting } = await connectedMerchant();
    const link = await createPaymentLink(db, acting, { ...fixed, application_fee_amount: 300 });
    expect(link).toMatchObject({ merchant: merchant.merchantId, amount: 2_500, application_fee_amount: 300 });
    const [event] = await db.select().from(events).where(and(eq(events.objectId, link.id), eq(events.type, "payment_link.created")));
    expect(event!.data.object).toEqual(link);
    expect(await getPaymentLink(db, acting, link.id)).toEqual(link);
    // Up to the whole amount.
    expect((await createPaymentLink(db, acting, { ...fixed, application_fee_amount: 2_500 })).application_fee_amount).toBe(2_500);
  });

  test("0 and null are no fee; a link without one shows null", async () => {
    const { acting, own } = await connectedMerchant();
    expect((await createPaymentLink(db, acting, { ...fixed, application_fee_amount: 0 })).application_fee_amount).toBeNull();
    expect((await createPaymentLink(db, acting, { ...fixed, application_fee_amount: null })).application_fee_amount).toBeNull();
    expect((await createPaymentLink(db, own, fixed)).application_fee_amount).toBeNull();
  });

  test("the merchant's own key, and a platform on its own account, are refused 403 and write nothing", async () => {
    const { platform, merchant, own } = await connectedMerchant();
    const before = await written(merchant.merchantId);
    expect(await refusal(createPaymentLink(db, own, { ...fixed, application_fee_amount: 300 }))).toMatchObject({ code: "forbidden", param: "application_fee_amount" });
    expect(await refusal(createPaymentLink(db, own, { ...fixed, application_fee_amount: 0 }))).toMatchObject({ code: "forbidden" });
    expect(await written(merchant.merchantId)).toEqual(before);

    const platformOwn = { ...platform, ...paymentContext };
    expect(await refusal(createPaymentLink(db, platformOwn, { ...fixed, application_fee_amount: 300 }))).toMatchObject({ code: "forbidden", param: "application_fee_amount" });
    expect(await written(platform.merchantId)).toEqual({ links: 0, orders: 0, events: 0 });
  });

  test("above the amount: 400, naming the currency's minor unit, and nothing written", async () => {
    const { merchant, acting } = await connectedMerchant();
    const before = await written(merchant.merchantId);
    const jpy = await refusal(createPaymentLink(db, acting, { ...fixed, currency: "JPY", amount: 500, application_fee_amount: 501 }));
    expect(jpy).toEqual({
      code: "parameter_invalid",
      param: "application_fee_amount",
      message: "Invalid application_fee_amount: it must not exceed the amount (500): both are in the minor unit of JPY.",
    });
    expect(await refusal(createPaymentLink(db, acting, { ...fixed, application_fee_amount: -1 }))).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });
    expect(await refusal(createPaymentLink(db, acting, { ...fixed, application_fee_amount: 1.5 }))).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });
    expect(await written(merchant.merchantId)).toEqual(before);
  });

  test("a buyer-chosen amount: the fee needs a custom_amount.minimum that covers it", async () => {
    const { merchant, acting } = await connectedMerchant();
    const custom = { item_name: "Donation", currency: "USD", default_country: "US" };
    const before = await written(merchant.merchantId);
    const noMinimum = await refusal(createPaymentLink(db, acting, { ...custom, custom_amount: { maximum: 10_000 }, application_fee_amount: 100 }));
    expect(noMinimum).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });
    expect(noMinimum.message).toContain("set custom_amount.minimum at or above the fee");
    expect(await refusal(createPaymentLink(db, acting, { ...custom, custom_amount: { minimum: 500 }, application_fee_amount: 501 }))).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });
    expect(await written(merchant.merchantId)).toEqual(before);

    const link = await createPaymentLink(db, acting, { ...custom, custom_amount: { minimum: 500 }, application_fee_amount: 500 });
    expect(link).toMatchObject({ amount: null, custom_amount: { minimum: 500 }, application_fee_amount: 500 });
  });

  test("PATCH: the platform changes or clears it within the amount; the merchant's own key cannot touch it", async () => {
    const { acting, own } = await connectedMerchant();
    const link = await createPaymentLink(db, acting, { ...fixed, application_fee_amount: 300 });

    expect(await refusal(updatePaymentLink(db, own, link.id, { application_fee_amount: null }))).toMatchObject({ code: "forbidden", param: "application_fee_amount" });
    expect(await refusal(updatePaymentLink(db, own, link.id, { application_fee_amount: 100, name: "Renamed" }))).toMatchObject({ code: "forbidden" });
    // Nothing of a refused update is written, the other fields included.
    expect(await getPaymentLink(db, own, link.id)).toEqual(link);
    // The merchant's other changes leave the fee as it is.
    expect(await updatePaymentLink(db, own, link.id, { name: "Renamed" })).toMatchObject({ name: "Renamed", application_fee_amount: 300 });

    expect(await refusal(updatePaymentLink(db, acting, link.id, { application_fee_amount: 2_501 }))).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });
    expect(await updatePaymentLink(db, acting, link.id, { application_fee_amount: 450 })).toMatchObject({ application_fee_amount: 450 });
    const cleared = await updatePaymentLink(db, acting, link.id, { application_fee_amount: 0 });
    expect(cleared.application_fee_amount).toBeNull();
    const updates = await db.select().from(events).where(and(eq(events.objectId, link.id), eq(events.type, "payment_link.updated"))).orderBy(events.id);
    expect(updates.at(-1)!.data.object).toEqual(cleared);

    // A null on a link without a fee changes nothing: the merchant's own key may send it.
    expect((await updatePaymentLink(db, own, link.id, { application_fee_amount: null })).application_fee_amount).toBeNull();
  });

  test("PATCH of a buyer-chosen link is bound by its minimum", async () => {
    const { acting } = await connectedMerchant();
    const open = await createPaymentLink(db, acting, { item_name: "Tip", currency: "EUR", default_country: "DE", custom_amount: { maximum: 5_000 } });
    expect((await refusal(updatePaymentLink(db, acting, open.id, { application_fee_amount: 50 }))).message).toContain("custom_amount.minimum");
    const floored = await createPaymentLink(db, acting, { item_name: "Tip", currency: "EUR", default_country: "DE", custom_amount: { minimum: 200 } });
    expect(await updatePaymentLink(db, acting, floored.id, { application_fee_amount: 200 })).toMatchObject({ application_fee_amount: 200 });
  });

  test("each order paid through the link records the fee the link had then", async () => {
    const { merchant, acting, own } = await connectedMerchant();
    const link = await createPaymentLink(db, acting, { ...fixed, application_fee_amount: 300 });
    const token = link.url.split("/l/")[1]!;
    const first = await payLink(db, paymentContext, token, cardBuyer());
    expect(first.kind).toBe("paid");
    const paid = await getOrder(db, own, first.order.id);
    expect(paid).toMatchObject({ status: "paid", merchant: merchant.merchantId, payment_link: link.id, amount: 2_500, application_fee_amount: 300 });
    const [created] = await db.select().from(events).where(and(eq(events.objectId, paid.id), eq(events.type, "order.created")));
    expect(created!.data.object).toMatchObject({ merchant: merchant.merchantId, application_fee_amount: 300 });

    // A later change reaches later orders only.
    await updatePaymentLink(db, acting, link.id, { application_fee_amount: null });
    const second = await payLink(db, paymentContext, token, cardBuyer());
    expect((await getOrder(db, own, second.order.id)).application_fee_amount).toBeNull();
    expect((await getOrder(db, own, first.order.id)).application_fee_amount).toBe(300);
  });

  test("a buyer-chosen amount's order records the fee with the buyer's amount", async () => {
    const { own, acting } = await connectedMerchant();
    const link = await createPaymentLink(db, acting, { item_name: "Tip", currency: "USD", default_country: "US", custom_amount: { minimum: 500 }, application_fee_amount: 400 });
    const outcome = await payLink(db, paymentContext, link.url.split("/l/")[1]!, { ...cardBuyer(), amount: 1_200 });
    expect(await getOrder(db, own, outcome.order.id)).toMatchObject({ status: "paid", amount: 1_200, application_fee_amount: 400 });
  });
});

describe("application_fee_amount on an API order", () => {
  test("a platform acting for its merchant sets it, up to the amount", async () => {
    const { merchant, acting } = await connectedMerchant();
    const order = await createOrder(db, acting, { amount: 9_999, currency: "EUR", item_name: "Invoice", application_fee_amount: 999 });
    expect(order).toMatchObject({ merchant: merchant.merchantId, application_fee_amount: 999, currency: "EUR" });
    expect(await getOrder(db, acting, order.id)).toEqual(order);
    const [event] = await db.select().from(events).where(and(eq(events.objectId, order.id), eq(events.type, "order.created")));
    expect(event!.data.object).toEqual(order);
    expect((await createOrder(db, acting, { amount: 9_999, currency: "EUR", item_name: "Invoice", application_fee_amount: 0 })).application_fee_amount).toBeNull();
  });

  test("a manual capture keeps at least the fee: below it, 400 on amount and nothing captured", async () => {
    const { acting } = await connectedMerchant();
    const order = await createOrder(db, acting, { amount: 5_000, currency: "USD", item_name: "Hold", capture_method: "manual", application_fee_amount: 1_000 });
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect((await payOrder(db, paymentContext, row!.token, cardBuyer())).kind).toBe("authorized");
    expect(await refusal(captureOrder(db, acting, order.id, { amount: 999 }))).toMatchObject({ code: "parameter_invalid", param: "amount" });
    expect((await getOrder(db, acting, order.id)).status).toBe("authorized");
    expect((await captureOrder(db, acting, order.id, { amount: 1_000 })).amount_captured).toBe(1_000);
  });

  test("refused without a platform acting (403) and above the amount (400), writing nothing", async () => {
    const { platform, merchant, own, acting } = await connectedMerchant();
    const before = await written(merchant.merchantId);
    const body = { amount: 1_000, currency: "USD", item_name: "Invoice" };
    expect(await refusal(createOrder(db, own, { ...body, application_fee_amount: 10 }))).toMatchObject({ code: "forbidden", param: "application_fee_amount" });
    expect(await refusal(createOrder(db, { ...platform, ...paymentContext }, { ...body, application_fee_amount: 10 }))).toMatchObject({ code: "forbidden" });
    expect(await refusal(createOrder(db, acting, { ...body, application_fee_amount: 1_001 }))).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });
    expect(await written(merchant.merchantId)).toEqual(before);
    expect(await written(platform.merchantId)).toEqual({ links: 0, orders: 0, events: 0 });
    // Without a fee, the merchant's own key makes orders as ever.
    expect((await createOrder(db, own, body)).application_fee_amount).toBeNull();
  });
});
