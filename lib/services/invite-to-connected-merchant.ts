import type { Db } from "@/db/client";
import { findConnectedMerchant } from "@/db/queries/connected-merchants";
import { findMembership } from "@/db/queries/memberships";
import { can } from "@/lib/accounts/permissions";
import { AppError } from "@/lib/core/errors";
import { createInvitation, type InvitationBase, type InvitationInput } from "./invitations";

/** An owner of a platform, in the dashboard's mode. */
export interface PlatformActor {
  userId: string;
  platformId: string;
  livemode: boolean;
}

/**
 * A platform's owner invites a person to one of its connected merchants (API.md, "Platforms acting for their
 * merchants": the connected merchant's people). The invitee joins that merchant only, through the ordinary
 * invitation link; the platform's own team is not touched, and nobody of the platform becomes a member.
 *
 * The connected merchant must be this platform's in the actor's mode — the mode it was created in — exactly as
 * the API's `Paylink-Merchant` resolves it: a platform acts for a connected merchant only there, and anything
 * else (another platform's, a sibling of another mode, an unknown id) is the same 404.
 */
export async function inviteToConnectedMerchant(
  db: Db,
  actor: PlatformActor,
  input: InvitationInput & { merchantId: string },
  base: InvitationBase,
): Promise<{ id: string; email: string }> {
  const membership = await findMembership(db, { userId: actor.userId, merchantId: actor.platformId });
  if (!membership?.merchant.platform) throw new AppError("resource_missing", "No such platform.");
  if (!can(membership.role, "manage_team")) throw new AppError("forbidden", "Only an owner of the platform can invite people to its connected merchants.");
  const connected = await findConnectedMerchant(db, { merchantId: actor.platformId, livemode: actor.livemode }, input.merchantId);
  if (!connected) throw new AppError("resource_missing", "No such connected merchant.");
  return createInvitation(db, { inviterUserId: actor.userId, merchantId: connected.id, accountableMerchantId: actor.platformId }, input, base);
}
