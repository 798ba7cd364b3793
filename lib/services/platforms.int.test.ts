import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { memberships, merchants } from "@/db/schema";
import type { ServiceContext } from "@/lib/core/scope";
import { openTestDatabase, uniqueEmail } from "@/test/db";
import { createConnectedMerchant } from "./create-connected-merchant";
import { enablePlatform } from "./enable-platform";
import { getConnectedMerchant } from "./get-connected-merchant";
import { listConnectedMerchants } from "./list-connected-merchants";
import { resolveActingMerchant } from "./resolve-acting-merchant";
import { signUp } from "./sign-up";
import { updateConnectedMerchant } from "./update-connected-merchant";

// Platforms and their connected merchants (API.md, "Platforms acting for their merchants"): the capability,
// the connected merchants' CRUD, and who may reach which of them.

const { db } = await openTestDatabase();
const APP_URL = "https://pay.example.com";
const SHOP = { name: "Harbour Street Bakery", country: "SE", default_currency: "SEK" };

async function newMerchant() {
  const email = uniqueEmail("platform");
  const { userId, merchantId } = await signUp(db, { email, password: "a long enough password", businessName: "Platform", country: "US", currency: "USD" });
  return { userId, merchantId, ctx: { merchantId, livemode: false, appUrl: APP_URL } satisfies ServiceContext };
}

async function newPlatform() {
  const merchant = await newMerchant();
  await enablePlatform(db, { merchantId: merchant.merchantId, by: "operator" });
  return merchant;
}

async function row(id: string) {
  const [found] = await db.select().from(merchants).where(eq(merchants.id, id));
  return found!;
}

describe("enablePlatform", () => {
  test("an owner makes the business a platform; again changes nothing", async () => {
    const { userId, merchantId } = await newMerchant();
    expect((await row(merchantId)).platform).toBe(false);
    await expect(enablePlatform(db, { merchantId, by: { userId } })).resolves.toEqual({ merchantId, platform: true });
    const after = await row(merchantId);
    expect(after.platform).toBe(true);
    await expect(enablePlatform(db, { merchantId, by: { userId } })).resolves.toEqual({ merchantId, platform: true });
    expect((await row(merchantId)).updatedAt).toEqual(after.updatedAt);
  });

  test("only an owner: an admin is refused (403), a stranger finds no such merchant (404)", async () => {
    const { merchantId } = await newMerchant();
    const admin = await newMerchant();
    await db.insert(memberships).values({ userId: admin.userId, merchantId, role: "admin" });
    await expect(enablePlatform(db, { merchantId, by: { userId: admin.userId } })).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await newMerchant();
    await expect(enablePlatform(db, { merchantId, by: { userId: stranger.userId } })).rejects.toMatchObject({ code: "resource_missing" });
    expect((await row(merchantId)).platform).toBe(false);
  });

  test("a connected merchant cannot be a platform itself, not even by its owner or the operator", async () => {
    const platform = await newPlatform();
    const connected = await createConnectedMerchant(db, platform.ctx, SHOP);
    const invited = await newMerchant();
    await db.insert(memberships).values({ userId: invited.userId, merchantId: connected.id, role: "owner" });
    await expect(enablePlatform(db, { merchantId: connected.id, by: "operator" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(enablePlatform(db, { merchantId: connected.id, by: { userId: invited.userId } })).rejects.toMatchObject({ code: "forbidden" });
    expect((await row(connected.id)).platform).toBe(false);
  });

  test("an unknown merchant", async () => {
    await expect(enablePlatform(db, { merchantId: "mch_doesnotexist", by: "operator" })).rejects.toMatchObject({ code: "resource_missing" });
  });
});

describe("connected merchants", () => {
  test("created in the key's mode, connected to the platform, with no members and the contract's object", async () => {
    const platform = await newPlatform();
    const created = await createConnectedMerchant(db, platform.ctx, { ...SHOP, email: "owner@harbour.example", metadata: { account: "4711" } });
    expect(created).toEqual({
      id: expect.stringMatching(/^mch_[0-9A-Za-z]+$/),
      object: "merchant",
      name: SHOP.name,
      country: "SE",
      default_currency: "SEK",
      email: "owner@harbour.example",
      platform: platform.merchantId,
      livemode: false,
      created_at: expect.any(String),
      metadata: { account: "4711" },
    });
    expect(await row(created.id)).toMatchObject({ platformId: platform.merchantId, connectedLivemode: false, platform: false, defaultCurrency: "SEK" });
    expect(await db.select().from(memberships).where(eq(memberships.merchantId, created.id))).toEqual([]);
    const live = await createConnectedMerchant(db, { ...platform.ctx, livemode: true }, SHOP);
    expect(live.livemode).toBe(true);
    expect(await row(live.id)).toMatchObject({ connectedLivemode: true });
  });

  test("refused with 403 to a business that is not a platform, and to a platform acting for a connected merchant", async () => {
    const plain = await newMerchant();
    const platform = await newPlatform();
    const connected = await createConnectedMerchant(db, platform.ctx, SHOP);
    const acting = { merchantId: connected.id, livemode: false, appUrl: APP_URL, actingPlatformId: platform.merchantId };
    for (const ctx of [plain.ctx, acting]) {
      await expect(createConnectedMerchant(db, ctx, SHOP)).rejects.toMatchObject({ code: "forbidden" });
      await expect(listConnectedMerchants(db, ctx, {})).rejects.toMatchObject({ code: "forbidden" });
      await expect(getConnectedMerchant(db, ctx, connected.id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateConnectedMerchant(db, ctx, connected.id, { name: "Mine now" })).rejects.toMatchObject({ code: "forbidden" });
    }
    // No grandchildren: nothing was created under the connected merchant.
    expect(await db.select().from(merchants).where(eq(merchants.platformId, connected.id))).toEqual([]);
    expect((await getConnectedMerchant(db, platform.ctx, connected.id)).name).toBe(SHOP.name);
  });

  test("invalid input is refused and creates nothing", async () => {
    const platform = await newPlatform();
    for (const input of [
      { ...SHOP, country: "se" },
      { ...SHOP, default_currency: "XYZ" },
      { ...SHOP, name: "   " },
      { ...SHOP, email: "not an email" },
      { ...SHOP, platform: "mch_x" },
      { ...SHOP, metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) },
    ]) {
      await expect(createConnectedMerchant(db, platform.ctx, input as typeof SHOP)).rejects.toThrow();
    }
    expect((await listConnectedMerchants(db, platform.ctx, {})).data).toEqual([]);
  });

  test("listed newest first, a page at a time, only the platform's of the key's mode", async () => {
    const platform = await newPlatform();
    const other = await newPlatform();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createConnectedMerchant(db, platform.ctx, { ...SHOP, name: `Shop ${i}` })).id);
    await createConnectedMerchant(db, { ...platform.ctx, livemode: true }, SHOP);
    await createConnectedMerchant(db, other.ctx, SHOP);
    const newestFirst = [...ids].reverse();

    const page1 = await listConnectedMerchants(db, platform.ctx, { limit: "2" });
    expect(page1).toMatchObject({ object: "list", url: "/api/v1/merchants", has_more: true });
    expect(page1.data.map((m) => m.id)).toEqual(newestFirst.slice(0, 2));
    const page2 = await listConnectedMerchants(db, platform.ctx, { limit: "2", starting_after: page1.data[1]!.id });
    expect([page2.data.map((m) => m.id), page2.has_more]).toEqual([newestFirst.slice(2, 4), true]);
    const page3 = await listConnectedMerchants(db, platform.ctx, { limit: "2", starting_after: page2.data[1]!.id });
    expect([page3.data.map((m) => m.id), page3.has_more]).toEqual([newestFirst.slice(4), false]);

    const all = await listConnectedMerchants(db, platform.ctx, {});
    expect(all.data.map((m) => m.id)).toEqual(newestFirst);
    expect((await listConnectedMerchants(db, { ...platform.ctx, livemode: true }, {})).data).toHaveLength(1);
    expect((await listConnectedMerchants(db, other.ctx, {})).data).toHaveLength(1);
    await expect(listConnectedMerchants(db, platform.ctx, { limit: "0" })).rejects.toThrow();
    await expect(listConnectedMerchants(db, platform.ctx, { starting_after: "plink_x" })).rejects.toThrow();
    await expect(listConnectedMerchants(db, platform.ctx, { status: "active" })).rejects.toThrow();
  });

  test("retrieve and update: anything not this platform's in this mode is 404, exactly like an unknown id", async () => {
    const platform = await newPlatform();
    const other = await newPlatform();
    const mine = await createConnectedMerchant(db, platform.ctx, SHOP);
    const mineLive = await createConnectedMerchant(db, { ...platform.ctx, livemode: true }, SHOP);
    const theirs = await createConnectedMerchant(db, other.ctx, SHOP);
    const plain = await newMerchant();
    expect(await getConnectedMerchant(db, platform.ctx, mine.id)).toEqual(mine);
    expect(await getConnectedMerchant(db, { ...platform.ctx, livemode: true }, mineLive.id)).toEqual(mineLive);
    for (const id of [mineLive.id, theirs.id, platform.merchantId, other.merchantId, plain.merchantId, "mch_doesnotexist", "plink_x"]) {
      const missing = { code: "resource_missing", param: "id", message: `No such merchant: '${id}'.` };
      await expect(getConnectedMerchant(db, platform.ctx, id)).rejects.toMatchObject(missing);
      await expect(updateConnectedMerchant(db, platform.ctx, id, { name: "Taken" })).rejects.toMatchObject(missing);
    }
    expect((await row(theirs.id)).name).toBe(SHOP.name);
    expect((await row(mineLive.id)).name).toBe(SHOP.name);
    expect((await row(platform.merchantId)).name).toBe("Platform");
  });

  test("update changes name and email, merges metadata like a link's, and keeps country and currency", async () => {
    const platform = await newPlatform();
    const created = await createConnectedMerchant(db, platform.ctx, { ...SHOP, email: "a@harbour.example", metadata: { account: "4711", tier: "silver" } });
    const updated = await updateConnectedMerchant(db, platform.ctx, created.id, { name: "  Harbour Café ", email: null, metadata: { tier: "gold", account: "", region: "north" } });
    expect(updated).toEqual({ ...created, name: "Harbour Café", email: null, metadata: { tier: "gold", region: "north" } });
    expect(await getConnectedMerchant(db, platform.ctx, created.id)).toEqual(updated);
    // Nothing sent, nothing changed.
    expect(await updateConnectedMerchant(db, platform.ctx, created.id, {})).toEqual(updated);
    await expect(updateConnectedMerchant(db, platform.ctx, created.id, { country: "US" } as never)).rejects.toThrow();
    await expect(updateConnectedMerchant(db, platform.ctx, created.id, { email: "nope" })).rejects.toThrow();
  });

  test("metadata keeps at most 20 keys after a merge; concurrent merges keep each other's keys", async () => {
    const platform = await newPlatform();
    const full = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"]));
    const created = await createConnectedMerchant(db, platform.ctx, { ...SHOP, metadata: full });
    await expect(updateConnectedMerchant(db, platform.ctx, created.id, { metadata: { extra: "x" } })).rejects.toMatchObject({ code: "parameter_invalid", param: "metadata" });
    await expect(updateConnectedMerchant(db, platform.ctx, created.id, { metadata: { k0: "", extra: "x" } })).resolves.toMatchObject({ metadata: { extra: "x" } });

    const other = await createConnectedMerchant(db, platform.ctx, SHOP);
    await Promise.all(Array.from({ length: 8 }, (_, i) => updateConnectedMerchant(db, platform.ctx, other.id, { metadata: { [`c${i}`]: String(i) } })));
    expect(Object.keys((await getConnectedMerchant(db, platform.ctx, other.id)).metadata).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `c${i}`));
  });
});

describe("resolveActingMerchant (Paylink-Merchant)", () => {
  test("a platform's own connected merchant in the key's mode: that merchant's scope, with the platform noted", async () => {
    const platform = await newPlatform();
    const connected = await createConnectedMerchant(db, platform.ctx, SHOP);
    const key = { merchantId: platform.merchantId, livemode: false };
    await expect(resolveActingMerchant(db, key, connected.id)).resolves.toEqual({ merchantId: connected.id, livemode: false, actingPlatformId: platform.merchantId });
    await expect(resolveActingMerchant(db, key, ` ${connected.id} `)).resolves.toMatchObject({ merchantId: connected.id });
    // Naming itself, the platform acts as itself (no acting platform: it may manage its merchants).
    await expect(resolveActingMerchant(db, key, platform.merchantId)).resolves.toEqual(key);
  });

  test("403 for a key whose business is not a platform, whatever it names (even itself or a real connected merchant)", async () => {
    const plain = await newMerchant();
    const platform = await newPlatform();
    const connected = await createConnectedMerchant(db, platform.ctx, SHOP);
    for (const named of [connected.id, plain.merchantId, "mch_doesnotexist", "garbage", ""]) {
      await expect(resolveActingMerchant(db, { merchantId: plain.merchantId, livemode: false }, named)).rejects.toMatchObject({ code: "forbidden" });
    }
    // A connected merchant is no platform either: its own key cannot act for a sibling.
    const sibling = await createConnectedMerchant(db, platform.ctx, SHOP);
    await expect(resolveActingMerchant(db, { merchantId: connected.id, livemode: false }, sibling.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  test("404 for another platform's merchant, the other mode's, an unknown, a malformed id and a plain merchant, all alike", async () => {
    const platform = await newPlatform();
    const other = await newPlatform();
    const plain = await newMerchant();
    const theirs = await createConnectedMerchant(db, other.ctx, SHOP);
    const live = await createConnectedMerchant(db, { ...platform.ctx, livemode: true }, SHOP);
    const test_ = await createConnectedMerchant(db, platform.ctx, SHOP);
    const key = { merchantId: platform.merchantId, livemode: false };
    for (const named of [theirs.id, live.id, other.merchantId, plain.merchantId, "mch_doesnotexist", "mch_", "MCH_x", `${test_.id},${test_.id}`, "x".repeat(5000), ""]) {
      await expect(resolveActingMerchant(db, key, named)).rejects.toMatchObject({ code: "resource_missing" });
    }
    // And the live key does not reach the test merchant.
    await expect(resolveActingMerchant(db, { ...key, livemode: true }, test_.id)).rejects.toMatchObject({ code: "resource_missing" });
    await expect(resolveActingMerchant(db, { ...key, livemode: true }, live.id)).resolves.toMatchObject({ merchantId: live.id, livemode: true });
  });
});
