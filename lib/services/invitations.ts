import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { invitations, memberships, merchants, users, type InvitationRow } from "@/db/schema";
import { emailSchema, roleSchema } from "@/lib/accounts/schemas";
import { consumeAccountEmail } from "@/lib/auth/throttle";
import { AppError } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { renderEmail } from "@/lib/messaging/render";
import { invitationEmail } from "@/lib/messaging/templates/account";
import { hashToken, newAccountToken, type LinkBase } from "./account-emails";
import { queueMessage } from "./queue-message";
import { type Actor, lockMerchant, requireTeamManager } from "./team-guards";

// Team invitations. An owner invites an address; whoever holds the emailed link and is signed in with that
// address (verified) joins by accepting. Nobody is attached to a team just because an account uses the address.

export const INVITATION_TTL_DAYS = 7;

/** Invites `email` as `role` and emails the link; an open invitation to the same address is replaced (its link stops working). */
export async function inviteMember(db: Db, actor: Actor, input: InvitationInput, base: InvitationBase): Promise<{ id: string; email: string }> {
  await requireTeamManager(db, actor);
  return createInvitation(db, { inviterUserId: actor.userId, merchantId: actor.merchantId }, input, base);
}

export interface InvitationInput {
  email: string;
  role: string;
}

export type InvitationBase = LinkBase & { clientIp: string; maxPerHour: number };

export interface InvitationSender {
  inviterUserId: string;
  /** The team the invitee joins. */
  merchantId: string;
  /**
   * Whose hourly allowance the email counts against, with the inviter's: the team's own by default; a platform
   * inviting to its connected merchants pays from its own, so more connected merchants do not mean more mail.
   */
  accountableMerchantId?: string;
}

/**
 * The invitation itself, for a caller that has already decided the inviter may invite to `merchantId` (an owner
 * of the team: inviteMember; an owner of its platform: inviteToConnectedMerchant).
 */
export async function createInvitation(db: Db, sender: InvitationSender, input: InvitationInput, base: InvitationBase): Promise<{ id: string; email: string }> {
  const { inviterUserId, merchantId } = sender;
  const email = emailSchema.parse(input.email);
  const role = roleSchema.parse(input.role);
  const inviter = await findUserById(db, inviterUserId);
  // An unconfirmed account could otherwise mail strangers "Join <any name> on Paylink" from this domain.
  if (!inviter?.emailVerifiedAt) throw new AppError("forbidden", "Confirm your own email address before inviting anyone: use the link we emailed you.", { param: "email" });
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.merchantId, merchantId), sql`lower(${users.email}) = ${email.toLowerCase()}`));
  if (member) throw new AppError("resource_conflict", "That person is already on the team.", { param: "email" });
  // Per owner and per merchant: an owner cannot turn the invitation form into a way to mail strangers.
  const gate = await consumeAccountEmail(db, "invite", [inviterUserId, sender.accountableMerchantId ?? merchantId], base.maxPerHour * 4);
  if (!gate.ok) throw new AppError("rate_limited", "Too many invitations were sent in the last hour. Wait a while, then try again.", { param: "email" });
  const [merchant] = await db.select().from(merchants).where(eq(merchants.id, merchantId));
  const { token, hash } = newAccountToken();
  const { subject, element } = invitationEmail({
    url: new URL(`/invitations/${token}`, base.appUrl).toString(),
    merchant: { name: merchant!.name, color: merchant!.brandColor, logoUrl: merchant!.logoUrl },
    role,
    invitedBy: inviter.email,
    days: INVITATION_TTL_DAYS,
  });
  const { html, text } = await renderEmail(element);
  const id = newId("invitation");
  await db.transaction(async (tx) => {
    // Two invitations of one address at once (a double click): one at a time, the second replaces the first.
    await lockMerchant(tx, merchantId);
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.merchantId, merchantId), sql`lower(${invitations.email}) = ${email.toLowerCase()}`, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    await tx.insert(invitations).values({
      id,
      merchantId,
      email,
      role,
      tokenHash: hash,
      invitedBy: inviterUserId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    });
    await queueMessage(tx, { scope: null, channel: "email", kind: "team_invitation", to: email, subject, html, text });
  });
  return { id, email };
}

/** The merchant's invitations still waiting for an answer, newest first. */
export async function listOpenInvitations(db: Db, merchantId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.merchantId, merchantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Db, actor: Actor, invitationId: string): Promise<void> {
  await requireTeamManager(db, actor);
  const revoked = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, invitationId), eq(invitations.merchantId, actor.merchantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (revoked.length === 0) throw new AppError("resource_missing", "No such open invitation.");
}

export type InvitationView = { state: "open"; invitation: InvitationRow; merchantName: string } | { state: "used" | "expired" | "invalid" };

/** What the invitation page shows for a link. */
export async function findInvitation(db: Db, token: string): Promise<InvitationView> {
  const [row] = await db
    .select({ invitation: invitations, merchantName: merchants.name })
    .from(invitations)
    .innerJoin(merchants, eq(merchants.id, invitations.merchantId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { state: "invalid" };
  if (row.invitation.acceptedAt || row.invitation.revokedAt) return { state: "used" };
  if (row.invitation.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "open", ...row };
}

/**
 * The signed-in user accepts: the invitation must be open and addressed to this user's email, and that email
 * verified — an unverified account cannot be added to a team. The membership and the invitation's end are
 * one transaction, under the invitation's row lock, so a double click joins once.
 */
export async function acceptInvitation(db: Db, token: string, userId: string): Promise<{ merchantId: string; role: string }> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).for("update");
    if (!invitation || invitation.revokedAt) throw new AppError("resource_missing", "This invitation is not valid any more. Ask for a new one.");
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError("resource_missing", "No such user.");
    if (invitation.acceptedAt) {
      const [already] = await tx.select().from(memberships).where(and(eq(memberships.merchantId, invitation.merchantId), eq(memberships.userId, userId)));
      if (already) return { merchantId: invitation.merchantId, role: already.role };
      throw new AppError("resource_conflict", "This invitation was already accepted.");
    }
    if (invitation.expiresAt.getTime() <= Date.now()) throw new AppError("resource_conflict", "This invitation has expired. Ask for a new one.");
    if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new AppError("forbidden", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
    }
    if (!user.emailVerifiedAt) throw new AppError("forbidden", "Confirm your email address first: use the link we emailed you when you signed up.");
    await tx.insert(memberships).values({ userId, merchantId: invitation.merchantId, role: invitation.role }).onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: sql`now()` }).where(eq(invitations.id, invitation.id));
    return { merchantId: invitation.merchantId, role: invitation.role };
  });
}

/**
 * Sign-up from an invitation's link, inside the sign-up's transaction: if the invitation is open and for the
 * address signing up, the new account joins (and its address counts as proven: the link was mailed to it).
 * Any other case joins nobody and says so with null — the account is made all the same, unverified.
 */
export async function joinByInvitation(tx: Db, token: string, user: { id: string; email: string }): Promise<string | null> {
  const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).for("update");
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) return null;
  if (invitation.email.toLowerCase() !== user.email.toLowerCase()) return null;
  await tx.insert(memberships).values({ userId: user.id, merchantId: invitation.merchantId, role: invitation.role }).onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: sql`now()` }).where(eq(invitations.id, invitation.id));
  return invitation.merchantId;
}
