import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deleteOtherSessions } from "@/db/queries/sessions";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import { accountTokens, users } from "@/db/schema";
import { emailSchema, newPasswordSchema } from "@/lib/accounts/schemas";
import { hashPassword } from "@/lib/auth/password";
import { consumeAccountEmail } from "@/lib/auth/throttle";
import { AppError } from "@/lib/core/errors";
import { throttleKey } from "@/lib/http/client-address";
import { renderEmail } from "@/lib/messaging/render";
import { passwordResetEmail, verificationEmail } from "@/lib/messaging/templates/account";
import { queueMessage } from "./queue-message";

// The emails that keep an account safe: address verification and password reset. Each link carries a
// random token (32 bytes); only its SHA-256 is stored, it works once, and it lapses.

export const VERIFICATION_TTL_HOURS = 48;
export const RESET_TTL_MINUTES = 60;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newAccountToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Where the emails' links point: APP_URL and the page's path. */
export interface LinkBase {
  appUrl: string;
}

const TOO_MANY = "Too many emails were asked for. Wait a while, then try again.";

/** Issues a verification link for the user's current address and queues its email, in the caller's transaction. */
export async function queueVerificationEmail(tx: Db, user: { id: string; email: string }, base: LinkBase): Promise<void> {
  const { token, hash } = newAccountToken();
  await tx.insert(accountTokens).values({
    tokenHash: hash,
    userId: user.id,
    purpose: "email_verification",
    email: user.email,
    expiresAt: new Date(Date.now() + VERIFICATION_TTL_HOURS * 3600_000),
  });
  const { subject, element } = verificationEmail({ url: new URL(`/verify-email/${token}`, base.appUrl).toString(), hours: VERIFICATION_TTL_HOURS });
  const { html, text } = await renderEmail(element);
  await queueMessage(tx, { scope: null, channel: "email", kind: "email_verification", to: user.email, subject, html, text });
}

/** "Send the link again", from the dashboard: throttled per account and per client. */
export async function resendVerification(db: Db, userId: string, base: LinkBase & { clientIp: string; maxPerHour: number }): Promise<"sent" | "already_verified"> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError("resource_missing", "No such user.");
  if (user.emailVerifiedAt) return "already_verified";
  const gate = await consumeAccountEmail(db, "verify", [user.id, throttleKey(base.clientIp)], base.maxPerHour);
  if (!gate.ok) throw new AppError("rate_limited", TOO_MANY);
  await db.transaction((tx) => queueVerificationEmail(tx, user, base));
  return "sent";
}

type TokenRow = typeof accountTokens.$inferSelect;

/** Takes a token for `purpose` under a row lock: valid, unused, in time — or says why not. */
async function takeToken(tx: Db, token: string, purpose: TokenRow["purpose"]): Promise<TokenRow> {
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)))
    .for("update");
  if (!row) throw new AppError("resource_missing", "This link is not valid. Ask for a new one.");
  if (row.usedAt) throw new AppError("resource_conflict", "This link was already used. Ask for a new one if you need it.");
  if (row.expiresAt.getTime() <= Date.now()) throw new AppError("resource_conflict", "This link has expired. Ask for a new one.");
  await tx.update(accountTokens).set({ usedAt: sql`now()` }).where(eq(accountTokens.tokenHash, row.tokenHash));
  return row;
}

/** The verification link, used: the address it was sent to is proven, if it is still the account's. */
export async function verifyEmail(db: Db, token: string): Promise<{ userId: string; email: string }> {
  return db.transaction(async (tx) => {
    const row = await takeToken(tx, token, "email_verification");
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).for("update");
    if (!user || user.email.toLowerCase() !== row.email.toLowerCase()) throw new AppError("resource_conflict", "This link was for another address. Ask for a new one.");
    if (!user.emailVerifiedAt) await tx.update(users).set({ emailVerifiedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    return { userId: user.id, email: user.email };
  });
}

/**
 * "Forgot password": the same answer whether or not an account uses the address (the caller says "if an
 * account uses it, we sent a link"), and the same work: the email is rendered either way, only stored and
 * sent when there is an account. Throttled per address asked about and per client.
 */
export async function requestPasswordReset(db: Db, rawEmail: string, base: LinkBase & { clientIp: string; maxPerHour: number }): Promise<void> {
  const email = emailSchema.parse(rawEmail);
  const gate = await consumeAccountEmail(db, "reset", [email.toLowerCase(), throttleKey(base.clientIp)], base.maxPerHour);
  if (!gate.ok) throw new AppError("rate_limited", TOO_MANY);
  const user = await findUserByEmail(db, email);
  const { token, hash } = newAccountToken();
  const { subject, element } = passwordResetEmail({ url: new URL(`/reset-password/${token}`, base.appUrl).toString(), minutes: RESET_TTL_MINUTES });
  const { html, text } = await renderEmail(element);
  if (!user) return;
  await db.transaction(async (tx) => {
    await tx.insert(accountTokens).values({ tokenHash: hash, userId: user.id, purpose: "password_reset", email: user.email, expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000) });
    await queueMessage(tx, { scope: null, channel: "email", kind: "password_reset", to: user.email, subject, html, text });
  });
}

/** Whether a reset link can still be used, for the page that asks for the new password. */
export async function resetTokenUsable(db: Db, token: string): Promise<boolean> {
  const [row] = await db.select().from(accountTokens).where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, "password_reset"))).limit(1);
  return !!row && !row.usedAt && row.expiresAt.getTime() > Date.now();
}

/**
 * The reset link, used: the new password, every session of the account ended, every other reset link of it
 * spent — one transaction. Following the link proved the mailbox, so the address counts as verified too.
 */
export async function resetPassword(db: Db, token: string, newPassword: string): Promise<{ userId: string; endedSessions: number }> {
  const password = newPasswordSchema.parse(newPassword);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await takeToken(tx, token, "password_reset");
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: sql`now()` })
      .where(eq(users.id, row.userId));
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.userId, row.userId), eq(accountTokens.purpose, "password_reset"), isNull(accountTokens.usedAt)));
    return { userId: row.userId, endedSessions: await deleteOtherSessions(tx, row.userId, null) };
  });
}
