import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, paymentLinks } from "@/db/schema";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { createPaymentLink } from "./create-payment-link";
import { getPaymentLink } from "./get-payment-link";
import { listPaymentLinks } from "./list-payment-links";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";
import { signUp } from "./sign-up";
import { updatePaymentLink } from "./update-payment-link";

const { db } = await openTestDatabase();

async function newCtx(currency = "USD") {
  const { merchantId } = await signUp(db, { email: uniqueEmail("links"), password: "a long enough password", businessName: "Links", country: "US", currency });
  return { merchantId, livemode: false, appUrl: "https://pay.example.com" };
}

const fixed = { item_name: "Membership", amount: 9999, currency: "USD", default_country: "US" };

describe("createPaymentLink", () => {
  test("stores the link and its payment_link.created event, with the contract's defaults", async () => {
    const ctx = await newCtx();
    const link = await createPaymentLink(db, ctx, fixed);
    expect(link).toMatchObject({
      object: "payment_link",
      name: "Membership",
      active: true,
      amount: 9999,
      custom_amount: null,
      collect_email: true,
      collect_name: true,
      payment_methods: ["card"],
      after_completion: { type: "message" },
      expires_at: null,
      max_payments: null,
      metadata: {},
    });
    expect(link.url).toMatch(/^https:\/\/pay\.example\.com\/l\/[0-9A-Za-z]{32}$/);
    const [event] = await db.select().from(events).where(eq(events.objectId, link.id));
    expect(event).toMatchObject({ type: "payment_link.created", merchantId: ctx.merchantId, livemode: false });
    expect(event!.data.object).toEqual(link);
  });

  test("a buyer-chosen amount, the merchant's default currency (JPY) and every option", async () => {
    const ctx = await newCtx("JPY");
    const link = await createPaymentLink(db, ctx, {
      name: "Tips",
      item_name: "Tip",
      custom_amount: { minimum: 100, maximum: 100000, preset: 500 },
      default_country: "JP",
      collect_name: false,
      payment_methods: ["wechat_pay", "card"],
      expires_at: "2030-01-01T00:00:00Z",
      max_payments: 3,
      after_completion: { type: "redirect", url: "https://shop.example.jp/thanks" },
      status_callback_url: "https://shop.example.jp/hooks",
      metadata: { campaign: "spring" },
    });
    expect(link).toMatchObject({
      amount: null,
      currency: "JPY",
      custom_amount: { minimum: 100, maximum: 100000, preset: 500 },
      payment_methods: ["wechat_pay", "card"],
      expires_at: "2030-01-01T00:00:00.000Z",
      after_completion: { type: "redirect", url: "https://shop.example.jp/thanks" },
    });
  });

  test("custom_amount {} lets the buyer choose any amount", async () => {
    const ctx = await newCtx();
    const link = await createPaymentLink(db, ctx, { item_name: "Donation", custom_amount: {}, default_country: "US" });
    expect(link).toMatchObject({ amount: null, custom_amount: { minimum: null, maximum: null, preset: null } });
  });

  test("invalid input writes neither a link nor an event", async () => {
    const ctx = await newCtx();
    const count = async () => [await db.$count(paymentLinks, eq(paymentLinks.merchantId, ctx.merchantId)), await db.$count(events, eq(events.merchantId, ctx.merchantId))];
    await expect(createPaymentLink(db, ctx, { ...fixed, amount: 12.5 })).rejects.toThrow();
    await expect(createPaymentLink(db, ctx, { ...fixed, custom_amount: { minimum: 1 } })).rejects.toThrow();
    expect(await count()).toEqual([0, 0]);
  });
});

describe("updatePaymentLink", () => {
  test("disables, re-enables and edits, each with a payment_link.updated event; metadata merges", async () => {
    const ctx = await newCtx();
    const link = await createPaymentLink(db, ctx, { ...fixed, metadata: { a: "1", b: "2" } });
    expect(await updatePaymentLink(db, ctx, link.id, { active: false })).toMatchObject({ active: false });
    const edited = await updatePaymentLink(db, ctx, link.id, { active: true, name: "Renamed", metadata: { b: "", c: "3" }, max_payments: null });
    expect(edited).toMatchObject({ active: true, name: "Renamed", metadata: { a: "1", c: "3" } });
    const types = (await db.select({ type: events.type }).from(events).where(eq(events.objectId, link.id))).map((e) => e.type);
    expect(types.sort()).toEqual(["payment_link.created", "payment_link.updated", "payment_link.updated"]);
  });

  test("merged metadata keeps at most 20 keys, and removals make room", async () => {
    const ctx = await newCtx();
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"]));
    const link = await createPaymentLink(db, ctx, { ...fixed, metadata: twenty });
    await expect(updatePaymentLink(db, ctx, link.id, { metadata: { extra: "x" } })).rejects.toMatchObject({ code: "parameter_invalid", param: "metadata" });
    const replaced = await updatePaymentLink(db, ctx, link.id, { metadata: { ...Object.fromEntries(Object.keys(twenty).map((k) => [k, ""])), only: "one" } });
    expect(replaced.metadata).toEqual({ only: "one" });
  });

  test("an expiry in the past is refused on create and update", async () => {
    const ctx = await newCtx();
    const past = new Date(Date.now() - 60_000).toISOString();
    await expect(createPaymentLink(db, ctx, { ...fixed, expires_at: past })).rejects.toThrow(/future/);
    const link = await createPaymentLink(db, ctx, fixed);
    await expect(updatePaymentLink(db, ctx, link.id, { expires_at: past })).rejects.toThrow(/future/);
  });

  test("an empty update changes nothing and writes no event", async () => {
    const ctx = await newCtx();
    const link = await createPaymentLink(db, ctx, fixed);
    expect(await updatePaymentLink(db, ctx, link.id, {})).toEqual(link);
    expect(await db.$count(events, eq(events.objectId, link.id))).toBe(1);
  });

  test("amount cannot be changed (parameter_unknown through the strict schema)", async () => {
    const ctx = await newCtx();
    const link = await createPaymentLink(db, ctx, fixed);
    await expect(updatePaymentLink(db, ctx, link.id, { amount: 1 } as never)).rejects.toThrow(/amount/);
  });
});

describe("tenant and mode isolation", () => {
  test("another merchant, or the other mode, sees resource_missing and changes nothing", async () => {
    const a = await newCtx();
    const b = await newCtx();
    const link = await createPaymentLink(db, a, fixed);
    for (const other of [b, { ...a, livemode: true }]) {
      await expect(getPaymentLink(db, other, link.id)).rejects.toMatchObject({ code: "resource_missing" });
      await expect(updatePaymentLink(db, other, link.id, { active: false })).rejects.toMatchObject({ code: "resource_missing" });
      expect((await listPaymentLinks(db, other, {})).data).toEqual([]);
    }
    expect((await getPaymentLink(db, a, link.id)).active).toBe(true);
  });
});

describe("listPaymentLinks", () => {
  test("newest first, cursor pagination, and every filter", async () => {
    const ctx = await newCtx();
    const ids: string[] = [];
    for (const item of ["Alpha tea", "Beta coffee", "Gamma TEA", "Delta cocoa", "Epsilon 100%_off"]) {
      ids.push((await createPaymentLink(db, ctx, { ...fixed, item_name: item })).id);
    }
    await updatePaymentLink(db, ctx, ids[1]!, { active: false });
    const newestFirst = [...ids].reverse();

    const page1 = await listPaymentLinks(db, ctx, { limit: "2" });
    expect([page1.data.map((l) => l.id), page1.has_more]).toEqual([newestFirst.slice(0, 2), true]);
    const page2 = await listPaymentLinks(db, ctx, { limit: "2", starting_after: page1.data[1]!.id });
    expect(page2.data.map((l) => l.id)).toEqual(newestFirst.slice(2, 4));
    const page3 = await listPaymentLinks(db, ctx, { limit: "2", starting_after: page2.data[1]!.id });
    expect([page3.data.map((l) => l.id), page3.has_more]).toEqual([newestFirst.slice(4), false]);

    expect((await listPaymentLinks(db, ctx, { active: "false" })).data.map((l) => l.id)).toEqual([ids[1]]);
    expect((await listPaymentLinks(db, ctx, { q: "tea" })).data.map((l) => l.item_name)).toEqual(["Gamma TEA", "Alpha tea"]);
    expect((await listPaymentLinks(db, ctx, { q: ids[3]! })).data.map((l) => l.id)).toEqual([ids[3]]);
    // LIKE wildcards in the keyword are taken literally.
    expect((await listPaymentLinks(db, ctx, { q: "100%_" })).data.map((l) => l.item_name)).toEqual(["Epsilon 100%_off"]);
    expect((await listPaymentLinks(db, ctx, { q: "%" })).data.map((l) => l.item_name)).toEqual(["Epsilon 100%_off"]);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await listPaymentLinks(db, ctx, { created_gte: future })).data).toEqual([]);
    expect((await listPaymentLinks(db, ctx, { created_lte: future })).data).toHaveLength(5);
  });
});

describe("API keys", () => {
  test("a created key authenticates as its merchant and mode until revoked", async () => {
    const ctx = await newCtx();
    const test_ = await createApiKey(db, { merchantId: ctx.merchantId, livemode: false });
    const live = await createApiKey(db, { merchantId: ctx.merchantId, livemode: true });
    expect(await authenticateApiKey(db, `Bearer ${test_.secret}`)).toMatchObject({ merchantId: ctx.merchantId, livemode: false });
    expect(await authenticateApiKey(db, `Bearer ${live.secret}`)).toMatchObject({ merchantId: ctx.merchantId, livemode: true });
    await revokeApiKey(db, { merchantId: ctx.merchantId, livemode: false }, test_.id);
    await expect(authenticateApiKey(db, `Bearer ${test_.secret}`)).rejects.toMatchObject({ code: "api_key_invalid" });
    await expect(revokeApiKey(db, { merchantId: ctx.merchantId, livemode: false }, test_.id)).rejects.toMatchObject({ code: "resource_missing" });
  });

  test("missing, malformed and unknown keys", async () => {
    await expect(authenticateApiKey(db, null)).rejects.toMatchObject({ code: "api_key_missing" });
    await expect(authenticateApiKey(db, "  ")).rejects.toMatchObject({ code: "api_key_missing" });
    await expect(authenticateApiKey(db, "Basic abc")).rejects.toMatchObject({ code: "api_key_invalid" });
    await expect(authenticateApiKey(db, `Bearer sk_test_${"a".repeat(32)}`)).rejects.toMatchObject({ code: "api_key_invalid" });
  });

  test("a merchant cannot revoke another merchant's key", async () => {
    const a = await newCtx();
    const b = await newCtx();
    const key = await createApiKey(db, { merchantId: a.merchantId, livemode: false });
    await expect(revokeApiKey(db, { merchantId: b.merchantId, livemode: false }, key.id)).rejects.toMatchObject({ code: "resource_missing" });
    expect(await authenticateApiKey(db, `Bearer ${key.secret}`)).toMatchObject({ merchantId: a.merchantId });
  });
});

test("events and links stay consistent: a failing transaction leaves neither", async () => {
  const ctx = await newCtx();
  await expect(
    db.transaction(async (tx) => {
      await createPaymentLink(tx, ctx, fixed);
      throw new Error("rolled back after the link was written");
    }),
  ).rejects.toThrow("rolled back");
  expect(await db.$count(paymentLinks, and(eq(paymentLinks.merchantId, ctx.merchantId)))).toBe(0);
  expect(await db.$count(events, eq(events.merchantId, ctx.merchantId))).toBe(0);
});
