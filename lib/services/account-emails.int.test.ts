import { and, desc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { findMembership } from "@/db/queries/memberships";
import { insertSession, isSessionActive } from "@/db/queries/sessions";
import { findUserById } from "@/db/queries/users";
import { accountTokens, messages } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { openTestDatabase } from "@/test/db";
import { uniqueEmail } from "@/test/ids";
import { linkIn } from "@/test/mail-catcher";
import { requestPasswordReset, resetPassword, resendVerification, verifyEmail } from "./account-emails";
import { createApiKey } from "./create-api-key";
import { acceptInvitation, findInvitation, inviteMember, listOpenInvitations, revokeInvitation } from "./invitations";
import { signUp } from "./sign-up";

const { db } = await openTestDatabase();
const APP = "https://pay.example.com";
const PASSWORD = "a long enough password";
const base = (clientIp = "203.0.113.7", maxPerHour = 5) => ({ appUrl: APP, clientIp, maxPerHour });

/** The latest message to `to` (its link's token is in its text). */
async function lastMailTo(to: string) {
  const [row] = await db.select().from(messages).where(eq(messages.to, to)).orderBy(desc(messages.id)).limit(1);
  return row ?? null;
}
const tokenIn = (text: string, path: string) => new URL(linkIn(text, path)).pathname.split("/").pop()!;

async function account(options: { verified?: boolean } = {}) {
  const email = uniqueEmail("acct");
  const ids = await signUp(db, { email, password: PASSWORD, businessName: "Acct", country: "US", currency: "USD" }, options.verified ? { verified: true } : { appUrl: APP });
  return { email, ...ids };
}

describe("email verification", () => {
  test("sign-up queues the email in its transaction; the link verifies once; until then no live keys", async () => {
    const { email, userId, merchantId } = await account();
    const mail = await lastMailTo(email);
    expect(mail).toMatchObject({ kind: "email_verification", channel: "email", merchantId: null, status: "queued", subject: "Confirm your email address for Paylink" });
    expect((await findUserById(db, userId))!.emailVerifiedAt).toBeNull();
    await expect(createApiKey(db, { merchantId, livemode: true }, { createdBy: userId })).rejects.toMatchObject({ code: "forbidden" });
    expect((await createApiKey(db, { merchantId, livemode: false }, { createdBy: userId })).livemode).toBe(false);

    const token = tokenIn(mail!.text, "/verify-email/");
    expect(await verifyEmail(db, token)).toEqual({ userId, email });
    expect((await findUserById(db, userId))!.emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail(db, token)).rejects.toMatchObject({ code: "resource_conflict", message: expect.stringContaining("already used") });
    expect((await createApiKey(db, { merchantId, livemode: true }, { createdBy: userId })).livemode).toBe(true);
    // Only the token's hash is stored.
    expect(JSON.stringify(await db.select().from(accountTokens).where(eq(accountTokens.userId, userId)))).not.toContain(token);
  });

  test("an unknown or lapsed link is refused; resending is throttled per account", async () => {
    const { userId, email } = await account();
    await expect(verifyEmail(db, "not-a-token")).rejects.toMatchObject({ code: "resource_missing" });
    const token = tokenIn((await lastMailTo(email))!.text, "/verify-email/");
    await db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.userId, userId));
    await expect(verifyEmail(db, token)).rejects.toMatchObject({ message: expect.stringContaining("expired") });
    expect(await resendVerification(db, userId, base("203.0.113.8", 2))).toBe("sent");
    expect(await resendVerification(db, userId, base("203.0.113.9", 2))).toBe("sent");
    await expect(resendVerification(db, userId, base("203.0.113.10", 2))).rejects.toMatchObject({ code: "rate_limited" });
    const fresh = tokenIn((await lastMailTo(email))!.text, "/verify-email/");
    await verifyEmail(db, fresh);
    expect(await resendVerification(db, userId, base())).toBe("already_verified");
  });
});

describe("password reset", () => {
  test("the same answer for an unknown address, and no email; a known one gets a single-use link that ends every session", async () => {
    const ghost = uniqueEmail("ghost");
    await expect(requestPasswordReset(db, ghost, base("198.51.100.1"))).resolves.toBeUndefined();
    expect(await lastMailTo(ghost)).toBeNull();

    const { email, userId } = await account({ verified: true });
    await insertSession(db, { id: `ses_a_${userId}`, userId });
    await insertSession(db, { id: `ses_b_${userId}`, userId });
    await expect(requestPasswordReset(db, email.toUpperCase(), base("198.51.100.1"))).resolves.toBeUndefined();
    const mail = await lastMailTo(email);
    expect(mail).toMatchObject({ kind: "password_reset", subject: "Reset your Paylink password" });
    const token = tokenIn(mail!.text, "/reset-password/");

    await expect(resetPassword(db, token, "short")).rejects.toThrow();
    const done = await resetPassword(db, token, "a brand new password");
    expect(done.endedSessions).toBe(2);
    expect(await isSessionActive(db, { id: `ses_a_${userId}`, userId })).toBe(false);
    const user = await findUserById(db, userId);
    expect(await verifyPassword(user!.passwordHash, "a brand new password")).toBe(true);
    expect(await verifyPassword(user!.passwordHash, PASSWORD)).toBe(false);
    await expect(resetPassword(db, token, "yet another password")).rejects.toMatchObject({ code: "resource_conflict" });
  });

  test("a reset spends every other reset link; a lapsed one (older than an hour) is refused; requests are throttled per address", async () => {
    const { email, userId } = await account({ verified: true });
    await requestPasswordReset(db, email, base("198.51.100.2"));
    const first = tokenIn((await lastMailTo(email))!.text, "/reset-password/");
    await requestPasswordReset(db, email, base("198.51.100.3"));
    const second = tokenIn((await lastMailTo(email))!.text, "/reset-password/");
    await resetPassword(db, second, "a brand new password");
    await expect(resetPassword(db, first, "another new password")).rejects.toMatchObject({ message: expect.stringContaining("already used") });

    await requestPasswordReset(db, email, base("198.51.100.4"));
    const lapsed = tokenIn((await lastMailTo(email))!.text, "/reset-password/");
    await db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, "password_reset")));
    await expect(resetPassword(db, lapsed, "another new password")).rejects.toMatchObject({ message: expect.stringContaining("expired") });

    const target = uniqueEmail("throttled");
    for (let i = 0; i < 3; i++) await requestPasswordReset(db, target, base(`198.51.100.${10 + i}`, 3));
    await expect(requestPasswordReset(db, target, base("198.51.100.20", 3))).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("team invitations", () => {
  test("nobody joins until they accept, signed in with the invited, verified address; a new invitation replaces the old link", async () => {
    const owner = await account({ verified: true });
    const invitee = await account();
    const actor = { userId: owner.userId, merchantId: owner.merchantId };
    await inviteMember(db, actor, { email: invitee.email.toUpperCase(), role: "admin" }, base());
    const mail = await lastMailTo(invitee.email.toUpperCase());
    expect(mail).toMatchObject({ kind: "team_invitation", subject: `${owner.email} invited you to Acct on Paylink` });
    const oldToken = tokenIn(mail!.text, "/invitations/");
    expect(await findMembership(db, { userId: invitee.userId, merchantId: owner.merchantId })).toBeNull();

    await inviteMember(db, actor, { email: invitee.email, role: "viewer" }, base());
    const token = tokenIn((await lastMailTo(invitee.email))!.text, "/invitations/");
    expect((await findInvitation(db, oldToken)).state).toBe("used");
    expect((await listOpenInvitations(db, owner.merchantId)).map((i) => i.role)).toEqual(["viewer"]);

    const stranger = await account({ verified: true });
    await expect(acceptInvitation(db, token, stranger.userId)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining(invitee.email) });
    await expect(acceptInvitation(db, token, invitee.userId)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("Confirm your email") });
    await verifyEmail(db, tokenIn((await db.select().from(messages).where(and(eq(messages.to, invitee.email), eq(messages.kind, "email_verification"))))[0]!.text, "/verify-email/"));
    const [a, b] = await Promise.all([acceptInvitation(db, token, invitee.userId), acceptInvitation(db, token, invitee.userId)]);
    expect(a).toEqual({ merchantId: owner.merchantId, role: "viewer" });
    expect(b).toEqual(a);
    expect((await findMembership(db, { userId: invitee.userId, merchantId: owner.merchantId }))?.role).toBe("viewer");
    await expect(inviteMember(db, actor, { email: invitee.email, role: "admin" }, base())).rejects.toMatchObject({ code: "resource_conflict" });
  });

  test("signing up from the link joins in the same transaction, verified; from a dead or another's link, unverified and alone", async () => {
    const owner = await account({ verified: true });
    const actor = { userId: owner.userId, merchantId: owner.merchantId };
    const newcomer = uniqueEmail("newcomer");
    await inviteMember(db, actor, { email: newcomer, role: "admin" }, base());
    const token = tokenIn((await lastMailTo(newcomer))!.text, "/invitations/");
    // Someone else signing up with the forwarded link joins nothing.
    const other = await signUp(db, { email: uniqueEmail("forwarded"), password: PASSWORD, businessName: "F", country: "US", currency: "USD" }, { appUrl: APP, invitationToken: token });
    expect(other.joinedMerchantId).toBeNull();
    expect((await findUserById(db, other.userId))!.emailVerifiedAt).toBeNull();
    const joined = await signUp(db, { email: newcomer, password: PASSWORD, businessName: "N", country: "US", currency: "USD" }, { appUrl: APP, invitationToken: token });
    expect(joined.joinedMerchantId).toBe(owner.merchantId);
    expect((await findUserById(db, joined.userId))!.emailVerifiedAt).not.toBeNull();
    expect((await findMembership(db, { userId: joined.userId, merchantId: owner.merchantId }))?.role).toBe("admin");
    expect((await lastMailTo(newcomer))!.kind).toBe("team_invitation"); // no verification email
    expect((await findInvitation(db, token)).state).toBe("used");
  });

  test("an owner who has not confirmed their own address cannot invite; two invitations at once leave one open", async () => {
    const unverified = await account();
    await expect(inviteMember(db, { userId: unverified.userId, merchantId: unverified.merchantId }, { email: uniqueEmail("x"), role: "viewer" }, base())).rejects.toMatchObject({ code: "forbidden" });
    const owner = await account({ verified: true });
    const actor = { userId: owner.userId, merchantId: owner.merchantId };
    const email = uniqueEmail("double");
    await Promise.all([inviteMember(db, actor, { email, role: "viewer" }, base()), inviteMember(db, actor, { email, role: "viewer" }, base())]);
    expect(await listOpenInvitations(db, owner.merchantId)).toHaveLength(1);
  });

  test("only owners invite; a withdrawn invitation's link stops working", async () => {
    const owner = await account({ verified: true });
    const viewer = await account({ verified: true });
    const actor = { userId: owner.userId, merchantId: owner.merchantId };
    const { id } = await inviteMember(db, actor, { email: viewer.email, role: "viewer" }, base());
    const token = tokenIn((await lastMailTo(viewer.email))!.text, "/invitations/");
    await revokeInvitation(db, actor, id);
    await expect(acceptInvitation(db, token, viewer.userId)).rejects.toMatchObject({ code: "resource_missing" });
    await expect(inviteMember(db, { userId: viewer.userId, merchantId: owner.merchantId }, { email: uniqueEmail("x"), role: "viewer" }, base())).rejects.toMatchObject({ code: "resource_missing" });
  });
});
