import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { onerwayCredentials } from "@/db/schema";
import { openTestDatabase, uniqueEmail } from "@/test/db";
import { createOnerwayCredentials, describeOnerwayCredentials, onerwayKeysOf, revokeOnerwayKey } from "./onerway-credentials";
import { signUp } from "./sign-up";

const { db } = await openTestDatabase();

const AUTH_SECRET = "onerway-credentials-test-secret-0123456789";
const OTHER_AUTH_SECRET = "another-deployment-auth-secret-9876543210";

async function merchant(tag: string) {
  const ids = await signUp(db, { email: uniqueEmail(tag), password: "a long enough password", businessName: tag, country: "US", currency: "USD" }, { verified: true });
  return { test: { merchantId: ids.merchantId, livemode: false }, live: { merchantId: ids.merchantId, livemode: true }, merchantId: ids.merchantId };
}

/** The opened keys by mode, as the endpoints would check a signature against them. */
async function keysByMode(merchantNo: string, authSecret = AUTH_SECRET) {
  const found = await onerwayKeysOf(db, merchantNo, authSecret);
  if (!found) return null;
  return { merchantId: found.merchantId, test: found.keys.find((k) => !k.livemode)?.secretKey ?? null, live: found.keys.find((k) => k.livemode)?.secretKey ?? null };
}

describe("Onerway-compatible credentials", () => {
  test("the merchant number is given once and kept across modes and rotations; each merchant has its own", async () => {
    const shop = await merchant("ow-number");
    const other = await merchant("ow-number-other");
    expect(await describeOnerwayCredentials(db, shop.merchantId)).toEqual({ merchantNo: null, test: null, live: null });

    const first = await createOnerwayCredentials(db, shop.test, AUTH_SECRET);
    expect(first).toEqual({ merchant_no: expect.stringMatching(/^\d{1,20}$/), secret_key: expect.stringMatching(/^[0-9a-f]{64}$/), livemode: false });
    const live = await createOnerwayCredentials(db, shop.live, AUTH_SECRET);
    const rolled = await createOnerwayCredentials(db, shop.test, AUTH_SECRET);
    expect(live).toMatchObject({ merchant_no: first.merchant_no, livemode: true });
    expect(rolled).toMatchObject({ merchant_no: first.merchant_no, livemode: false });
    expect(new Set([first.secret_key, live.secret_key, rolled.secret_key]).size).toBe(3);

    const theirs = await createOnerwayCredentials(db, other.test, AUTH_SECRET);
    expect(theirs.merchant_no).not.toBe(first.merchant_no);
    expect(await keysByMode(first.merchant_no)).toEqual({ merchantId: shop.merchantId, test: rolled.secret_key, live: live.secret_key });
    expect(await keysByMode(theirs.merchant_no)).toEqual({ merchantId: other.merchantId, test: theirs.secret_key, live: null });
  });

  test("rotating replaces the mode's key at once: the old one is no longer returned, the other mode's stays", async () => {
    const shop = await merchant("ow-rotate");
    const old = await createOnerwayCredentials(db, shop.test, AUTH_SECRET);
    const live = await createOnerwayCredentials(db, shop.live, AUTH_SECRET);
    const before = await describeOnerwayCredentials(db, shop.merchantId);

    const rotated = await createOnerwayCredentials(db, shop.test, AUTH_SECRET);
    expect(rotated.secret_key).not.toBe(old.secret_key);
    const keys = await keysByMode(old.merchant_no);
    expect(keys).toEqual({ merchantId: shop.merchantId, test: rotated.secret_key, live: live.secret_key });
    expect(JSON.stringify(keys)).not.toContain(old.secret_key);

    const after = await describeOnerwayCredentials(db, shop.merchantId);
    expect(after.test).toEqual({ last4: rotated.secret_key.slice(-4), createdAt: expect.any(Date) });
    expect(after.test!.createdAt.getTime()).toBeGreaterThanOrEqual(before.test!.createdAt.getTime());
    expect(after.live).toEqual(before.live);
  });

  test("describe shows the number, last four characters and creation time, never the key; the database holds it sealed", async () => {
    const shop = await merchant("ow-describe");
    const testKey = await createOnerwayCredentials(db, shop.test, AUTH_SECRET);
    const live = await createOnerwayCredentials(db, shop.live, AUTH_SECRET);

    const described = await describeOnerwayCredentials(db, shop.merchantId);
    expect(described).toEqual({
      merchantNo: testKey.merchant_no,
      test: { last4: testKey.secret_key.slice(-4), createdAt: expect.any(Date) },
      live: { last4: live.secret_key.slice(-4), createdAt: expect.any(Date) },
    });
    for (const key of [testKey.secret_key, live.secret_key]) {
      expect(JSON.stringify(described)).not.toContain(key);
      expect(JSON.stringify(described)).not.toContain(key.slice(0, 16));
    }

    const rows = await db.select().from(onerwayCredentials).where(eq(onerwayCredentials.merchantId, shop.merchantId));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.secretKeyCiphertext).toMatch(/^v1\./);
      expect(row.secretKeyCiphertext).not.toContain(row.livemode ? live.secret_key : testKey.secret_key);
    }
  });

  test("revoking removes one mode's key, keeps the number, and says whether there was a key", async () => {
    const shop = await merchant("ow-revoke");
    const testKey = await createOnerwayCredentials(db, shop.test, AUTH_SECRET);
    const live = await createOnerwayCredentials(db, shop.live, AUTH_SECRET);

    await expect(revokeOnerwayKey(db, shop.test)).resolves.toBe(true);
    await expect(revokeOnerwayKey(db, shop.test)).resolves.toBe(false);
    expect(await keysByMode(testKey.merchant_no)).toEqual({ merchantId: shop.merchantId, test: null, live: live.secret_key });
    expect(await describeOnerwayCredentials(db, shop.merchantId)).toEqual({ merchantNo: testKey.merchant_no, test: null, live: { last4: live.secret_key.slice(-4), createdAt: expect.any(Date) } });

    await expect(revokeOnerwayKey(db, shop.live)).resolves.toBe(true);
    expect(await onerwayKeysOf(db, testKey.merchant_no, AUTH_SECRET)).toBeNull();

    // A new key after a revocation keeps the number.
    const again = await createOnerwayCredentials(db, shop.test, AUTH_SECRET);
    expect(again.merchant_no).toBe(testKey.merchant_no);
    expect(await keysByMode(again.merchant_no)).toEqual({ merchantId: shop.merchantId, test: again.secret_key, live: null });
  });

  test("a key sealed under another AUTH_SECRET is not returned", async () => {
    const shop = await merchant("ow-sealed");
    const testKey = await createOnerwayCredentials(db, shop.test, OTHER_AUTH_SECRET);
    expect(await onerwayKeysOf(db, testKey.merchant_no, AUTH_SECRET)).toEqual({ merchantId: shop.merchantId, keys: [] });
    expect(await keysByMode(testKey.merchant_no, OTHER_AUTH_SECRET)).toEqual({ merchantId: shop.merchantId, test: testKey.secret_key, live: null });

    // Keys of one merchant under two secrets: each secret opens only its own.
    const live = await createOnerwayCredentials(db, shop.live, AUTH_SECRET);
    expect(await keysByMode(testKey.merchant_no)).toEqual({ merchantId: shop.merchantId, test: null, live: live.secret_key });
  });

  test("an unknown merchant number has no keys", async () => {
    expect(await onerwayKeysOf(db, "99999999999999999999", AUTH_SECRET)).toBeNull();
  });
});
