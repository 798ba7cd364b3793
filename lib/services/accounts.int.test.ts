import { eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { findMembership, listMembershipsForUser } from "@/db/queries/memberships";
import { memberships, merchants, users } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { createMerchant } from "./create-merchant";
import { signUp } from "./sign-up";
import { updateMerchantSettings } from "./update-merchant-settings";

const { db } = await openTestDatabase();

const account = (email = uniqueEmail()) => ({
  email,
  password: "correct horse battery",
  businessName: "Blue Bottle",
  country: "us",
  currency: "usd",
});

describe("signUp", () => {
  test("creates the user, the merchant and the owner membership", async () => {
    const { userId, merchantId } = await signUp(db, account());
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain("correct horse");
    const [merchant] = await db.select().from(merchants).where(eq(merchants.id, merchantId));
    expect(merchant).toMatchObject({ name: "Blue Bottle", country: "US", defaultCurrency: "USD" });
    expect(await findMembership(db, { userId, merchantId })).toMatchObject({ role: "owner" });
  });

  test("refuses an email that exists in another case", async () => {
    const email = uniqueEmail("Case");
    await signUp(db, account(email));
    await expect(signUp(db, account(email.toUpperCase()))).rejects.toMatchObject({ code: "resource_conflict", param: "email" });
  });

  test("two concurrent sign-ups with one email leave exactly one account and no orphan merchant", async () => {
    const email = uniqueEmail("race");
    // Named for this test alone: other files create merchants in the same database at the same time.
    const businessName = `Race ${email}`;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => signUp(db, { ...account(email), businessName })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
    expect(await db.$count(merchants, eq(merchants.name, businessName))).toBe(1);
  });

  test("rejects invalid input before writing anything", async () => {
    const refused = () => {
      const a = account();
      return { ...a, businessName: `Refused ${a.email}` };
    };
    const badCountry = refused();
    const badPassword = refused();
    await expect(signUp(db, { ...badCountry, country: "XX" })).rejects.toThrow();
    await expect(signUp(db, { ...badPassword, password: "short" })).rejects.toThrow();
    // Counted by address: other files sign people up in the same database at the same time.
    expect(await db.$count(users, inArray(users.email, [badCountry.email, badPassword.email]))).toBe(0);
    expect(await db.$count(merchants, inArray(merchants.name, [badCountry.businessName, badPassword.businessName]))).toBe(0);
  });
});

describe("a user with several merchants", () => {
  test("lists every membership with its role, oldest first", async () => {
    const { userId, merchantId } = await signUp(db, account());
    const second = await createMerchant(db, { userId }, { businessName: "Tokyo Books", country: "JP", currency: "JPY" });
    const list = await listMembershipsForUser(db, { userId });
    expect(list.map((m) => [m.merchant.id, m.role])).toEqual([
      [merchantId, "owner"],
      [second.merchantId, "owner"],
    ]);
  });
});

describe("updateMerchantSettings", () => {
  const settings = { businessName: "Renamed", country: "GB", currency: "GBP", brandColor: "#112233", logoUrl: "https://cdn.example/logo.png" };

  test("an owner edits the profile", async () => {
    const { userId, merchantId } = await signUp(db, account());
    const updated = await updateMerchantSettings(db, { userId, merchantId }, settings);
    expect(updated).toMatchObject({ name: "Renamed", country: "GB", defaultCurrency: "GBP", brandColor: "#112233", logoUrl: "https://cdn.example/logo.png" });
  });

  test("a viewer may not, and nothing changes", async () => {
    const owner = await signUp(db, account());
    const viewer = await signUp(db, account());
    await db.insert(memberships).values({ userId: viewer.userId, merchantId: owner.merchantId, role: "viewer" });
    await expect(updateMerchantSettings(db, { userId: viewer.userId, merchantId: owner.merchantId }, settings)).rejects.toMatchObject({ code: "forbidden" });
    const [merchant] = await db.select().from(merchants).where(eq(merchants.id, owner.merchantId));
    expect(merchant!.name).toBe("Blue Bottle");
  });

  test("another merchant's user gets resource_missing, never a hint it exists", async () => {
    const a = await signUp(db, account());
    const b = await signUp(db, account());
    await expect(updateMerchantSettings(db, { userId: b.userId, merchantId: a.merchantId }, settings)).rejects.toMatchObject({ code: "resource_missing" });
  });

  test("refuses a colour that is not #rrggbb and a non-http logo", async () => {
    const { userId, merchantId } = await signUp(db, account());
    await expect(updateMerchantSettings(db, { userId, merchantId }, { ...settings, brandColor: "red" })).rejects.toThrow(/colour/);
    await expect(updateMerchantSettings(db, { userId, merchantId }, { ...settings, logoUrl: "javascript:alert(1)" })).rejects.toThrow();
  });
});
