import { describe, expect, test } from "vitest";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

const { db } = await openTestDatabase();
const throttle = { maxFailures: 3, windowSeconds: 60 };
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
});
