import { describe, expect, test } from "vitest";
import { insertSession, isSessionActive } from "@/db/queries/sessions";
import { newId } from "@/lib/core/ids";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { changePassword } from "./change-password";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { addMember } from "./add-member";
import { removeMember } from "./remove-member";
import { rollApiKey } from "./roll-api-key";
import { signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

const { db } = await openTestDatabase();
const PASSWORD = "a long enough password";
const throttle = { maxFailures: 3, accountMaxFailures: 10, windowSeconds: 60 };

async function account(tag: string) {
  const email = uniqueEmail(tag);
  return { email, ...(await signUp(db, { email, password: PASSWORD, businessName: tag, country: "US", currency: "USD" }, { verified: true })) };
}

async function session(userId: string) {
  const id = newId("session");
  await insertSession(db, { id, userId });
  return id;
}

describe("changePassword", () => {
  test("ends every other session of the user in the same step, keeps the one that asked", async () => {
    const { userId, email } = await account("pw");
    const [mine, laptop, phone] = [await session(userId), await session(userId), await session(userId)];
    const other = await account("pw-other");
    const theirs = await session(other.userId);

    const result = await changePassword(db, { userId, sessionId: mine, clientIp: "203.0.113.20" }, { currentPassword: PASSWORD, newPassword: "a new long password", confirmPassword: "a new long password" }, throttle);
    expect(result).toEqual({ endedSessions: 2 });
    expect(await isSessionActive(db, { id: mine, userId })).toBe(true);
    expect(await isSessionActive(db, { id: laptop, userId })).toBe(false);
    expect(await isSessionActive(db, { id: phone, userId })).toBe(false);
    expect(await isSessionActive(db, { id: theirs, userId: other.userId })).toBe(true);
    expect(await verifyCredentials(db, { email, password: PASSWORD, clientIp: "203.0.113.21" }, throttle)).toMatchObject({ reason: "invalid" });
    expect(await verifyCredentials(db, { email, password: "a new long password", clientIp: "203.0.113.21" }, throttle)).toMatchObject({ ok: true });
  });

  test("a wrong current password changes nothing, and guessing it is throttled like sign-in", async () => {
    const { userId } = await account("pw-wrong");
    const mine = await session(userId);
    const laptop = await session(userId);
    const attempt = (currentPassword: string) =>
      changePassword(db, { userId, sessionId: mine, clientIp: "203.0.113.22" }, { currentPassword, newPassword: "a new long password", confirmPassword: "a new long password" }, throttle);
    for (let i = 0; i < throttle.maxFailures; i++) await expect(attempt(`guess-${i}`)).rejects.toMatchObject({ code: "parameter_invalid", param: "currentPassword" });
    await expect(attempt(PASSWORD)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await isSessionActive(db, { id: laptop, userId })).toBe(true);
  });

  test("the new password must be confirmed and differ from the current one", async () => {
    const { userId } = await account("pw-rules");
    const mine = await session(userId);
    const actor = { userId, sessionId: mine, clientIp: "203.0.113.23" };
    await expect(changePassword(db, actor, { currentPassword: PASSWORD, newPassword: "a new long password", confirmPassword: "another" }, throttle)).rejects.toThrow(/do not match/);
    await expect(changePassword(db, actor, { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }, throttle)).rejects.toThrow(/different/);
    await expect(changePassword(db, actor, { currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" }, throttle)).rejects.toThrow(/at least 10/);
  });
});

describe("a removed member's keys", () => {
  test("removal answers with the keys they created that still work; rolling replaces each at once", async () => {
    const owner = await account("owner-roll");
    const leaver = await account("leaver-roll");
    await addMember(db, owner, { email: leaver.email, role: "admin" });
    const testKey = await createApiKey(db, { merchantId: owner.merchantId, livemode: false }, { name: "Sync", createdBy: leaver.userId });
    const liveKey = await createApiKey(db, { merchantId: owner.merchantId, livemode: true }, { name: "Live sync", createdBy: leaver.userId });
    await createApiKey(db, { merchantId: owner.merchantId, livemode: false }, { name: "Owner's", createdBy: owner.userId });
    // A key they made at their own business is not this merchant's concern.
    await createApiKey(db, { merchantId: leaver.merchantId, livemode: false }, { createdBy: leaver.userId });

    const { apiKeys } = await removeMember(db, { userId: owner.userId, merchantId: owner.merchantId }, { userId: leaver.userId });
    expect(apiKeys.map((k) => k.id).sort()).toEqual([testKey.id, liveKey.id].sort());

    const rolled = await rollApiKey(db, { merchantId: owner.merchantId, livemode: false }, testKey.id, { createdBy: owner.userId });
    expect(rolled).toMatchObject({ replaced: testKey.id, name: "Sync", livemode: false });
    await expect(authenticateApiKey(db, `Bearer ${testKey.secret}`)).rejects.toMatchObject({ code: "api_key_invalid" });
    await expect(authenticateApiKey(db, `Bearer ${rolled.secret}`)).resolves.toMatchObject({ merchantId: owner.merchantId, livemode: false });
    // Rolling in the wrong mode, or twice, finds nothing to roll.
    await expect(rollApiKey(db, { merchantId: owner.merchantId, livemode: false }, liveKey.id)).rejects.toMatchObject({ code: "resource_missing" });
    await expect(rollApiKey(db, { merchantId: owner.merchantId, livemode: false }, testKey.id)).rejects.toMatchObject({ code: "resource_missing" });
  });
});
