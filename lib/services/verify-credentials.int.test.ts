import { describe, expect, test } from "vitest";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

const { db } = await openTestDatabase();
const throttle = { maxFailures: 3, accountMaxFailures: 8, windowSeconds: 60 };
const password = "correct horse battery";

async function newAccount() {
  const email = uniqueEmail("signin");
  const { userId } = await signUp(db, { email, password, businessName: "Shop", country: "US", currency: "USD" });
  return { email, userId };
}

describe("verifyCredentials", () => {
  test("accepts the right password, whatever the email's case", async () => {
    const { email, userId } = await newAccount();
    const result = await verifyCredentials(db, { email: email.toUpperCase(), password, clientIp: "203.0.113.1" }, throttle);
    expect(result).toEqual({ ok: true, user: { id: userId, email, name: null } });
  });

  test("a wrong password and an unknown email get the same answer", async () => {
    const { email } = await newAccount();
    const wrong = await verifyCredentials(db, { email, password: "nope", clientIp: "203.0.113.2" }, throttle);
    const unknown = await verifyCredentials(db, { email: uniqueEmail("ghost"), password, clientIp: "203.0.113.2" }, throttle);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  test("after repeated failures even the right password is refused for a while, from that address only", async () => {
    const { email } = await newAccount();
    const ip = "203.0.113.3";
    for (let i = 0; i < throttle.maxFailures; i++) {
      expect(await verifyCredentials(db, { email, password: "wrong", clientIp: ip }, throttle)).toMatchObject({ reason: "invalid" });
    }
    const blocked = await verifyCredentials(db, { email, password, clientIp: ip }, throttle);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    if (!blocked.ok && blocked.reason === "throttled") {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await verifyCredentials(db, { email, password, clientIp: "198.51.100.9" }, throttle)).toMatchObject({ ok: true });
  });

  test("a success clears the failures counted so far", async () => {
    const { email } = await newAccount();
    const ip = "203.0.113.4";
    for (let i = 0; i < throttle.maxFailures - 1; i++) await verifyCredentials(db, { email, password: "wrong", clientIp: ip }, throttle);
    expect(await verifyCredentials(db, { email, password, clientIp: ip }, throttle)).toMatchObject({ ok: true });
    for (let i = 0; i < throttle.maxFailures - 1; i++) await verifyCredentials(db, { email, password: "wrong", clientIp: ip }, throttle);
    expect(await verifyCredentials(db, { email, password, clientIp: ip }, throttle)).toMatchObject({ ok: true });
  });

  test("concurrent failures are all counted (the counter is atomic in the database)", async () => {
    const { email } = await newAccount();
    const ip = "203.0.113.5";
    await Promise.all(Array.from({ length: 10 }, () => verifyCredentials(db, { email, password: "wrong", clientIp: ip }, throttle)));
    expect(await verifyCredentials(db, { email, password, clientIp: ip }, throttle)).toMatchObject({ reason: "throttled" });
  });

  test("failures from many addresses add up on the account: changing address does not reset the count", async () => {
    const { email } = await newAccount();
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const result = await verifyCredentials(db, { email, password: "wrong", clientIp: `198.18.${i}.1` }, throttle);
      outcomes.push(result.ok ? "ok" : result.reason);
    }
    expect(outcomes.slice(0, throttle.accountMaxFailures)).toEqual(Array(throttle.accountMaxFailures).fill("invalid"));
    expect(outcomes.slice(throttle.accountMaxFailures)).toEqual(Array(12 - throttle.accountMaxFailures).fill("throttled"));
    // Even the owner, with the right password, from a fresh address, waits until the window ends.
    expect(await verifyCredentials(db, { email, password, clientIp: "198.18.99.1" }, throttle)).toMatchObject({ reason: "throttled" });
  });

  test("attempts sent at the same moment are counted before any password is checked: only the allowance is checked", async () => {
    const { email } = await newAccount();
    const results = await Promise.all(Array.from({ length: 12 }, () => verifyCredentials(db, { email, password: "wrong", clientIp: "203.0.113.6" }, throttle)));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBe(throttle.maxFailures);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(12 - throttle.maxFailures);
  });

  test("IPv6 addresses of one /64 share their counters", async () => {
    const { email } = await newAccount();
    for (let i = 1; i <= throttle.maxFailures; i++) {
      await verifyCredentials(db, { email, password: "wrong", clientIp: `2001:db8:1:2::${i.toString(16)}` }, throttle);
    }
    expect(await verifyCredentials(db, { email, password, clientIp: "2001:db8:1:2:ffff::1" }, throttle)).toMatchObject({ reason: "throttled" });
    expect(await verifyCredentials(db, { email, password, clientIp: "2001:db8:1:3::1" }, throttle)).toMatchObject({ ok: true });
  });
});
