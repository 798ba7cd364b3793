import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listActiveApiKeysCreatedBy } from "@/db/queries/api-keys";
import { findMembership } from "@/db/queries/memberships";
import { findUserByEmail } from "@/db/queries/users";
import { memberships, merchants, type ApiKey, type MembershipRole } from "@/db/schema";
import { can } from "@/lib/accounts/permissions";
import { emailSchema, roleSchema } from "@/lib/accounts/schemas";
import { AppError } from "@/lib/core/errors";

// Team management for one merchant. Only owners manage the team, and a merchant always keeps at least one
// owner: the checks that guarantee it run under a lock on the merchant row, so two owners demoting each
// other at the same moment cannot both succeed.

interface Actor {
  userId: string;
  merchantId: string;
}

async function requireTeamManager(db: Db, actor: Actor) {
  const membership = await findMembership(db, actor);
  if (!membership) throw new AppError("resource_missing", "No such merchant.");
  if (!can(membership.role, "manage_team")) throw new AppError("forbidden", "Only an owner can manage the team.");
}

async function lockMerchant(tx: Db, merchantId: string) {
  await tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).for("update");
}

async function ownerCount(tx: Db, merchantId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.merchantId, merchantId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

/** Gives an existing Paylink user a role at this merchant. */
export async function addMember(db: Db, actor: Actor, input: { email: string; role: string }) {
  await requireTeamManager(db, actor);
  const email = emailSchema.parse(input.email);
  const role = roleSchema.parse(input.role);
  const user = await findUserByEmail(db, email);
  if (!user) {
    throw new AppError("resource_missing", "No Paylink account uses that email yet. Ask them to sign up, then add them.", { param: "email" });
  }
  const inserted = await db
    .insert(memberships)
    .values({ userId: user.id, merchantId: actor.merchantId, role })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw new AppError("resource_conflict", "That person is already on the team.", { param: "email" });
  return { userId: user.id, role };
}

/** Changes a member's role; the last owner cannot be demoted. */
export async function changeMemberRole(db: Db, actor: Actor, input: { userId: string; role: string }) {
  const role: MembershipRole = roleSchema.parse(input.role);
  return db.transaction(async (tx) => {
    await lockMerchant(tx, actor.merchantId);
    await requireTeamManager(tx, actor);
    const target = await findMembership(tx, { userId: input.userId, merchantId: actor.merchantId });
    if (!target) throw new AppError("resource_missing", "That person is not on the team.");
    if (target.role === "owner" && role !== "owner" && (await ownerCount(tx, actor.merchantId)) <= 1) {
      throw new AppError("resource_conflict", "A business needs at least one owner. Make someone else an owner first.");
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.userId, input.userId), eq(memberships.merchantId, actor.merchantId)));
    return { userId: input.userId, role };
  });
}

/**
 * Removes a member; the last owner cannot be removed. Their access ends with the membership row (every
 * request reads memberships). Answers with the API keys they created here that still work, which they may
 * have copied: the owner is offered to roll them.
 */
export async function removeMember(db: Db, actor: Actor, input: { userId: string }): Promise<{ apiKeys: ApiKey[] }> {
  return db.transaction(async (tx) => {
    await lockMerchant(tx, actor.merchantId);
    await requireTeamManager(tx, actor);
    const target = await findMembership(tx, { userId: input.userId, merchantId: actor.merchantId });
    if (!target) throw new AppError("resource_missing", "That person is not on the team.");
    if (target.role === "owner" && (await ownerCount(tx, actor.merchantId)) <= 1) {
      throw new AppError("resource_conflict", "A business needs at least one owner. Make someone else an owner first.");
    }
    await tx.delete(memberships).where(and(eq(memberships.userId, input.userId), eq(memberships.merchantId, actor.merchantId)));
    return { apiKeys: await listActiveApiKeysCreatedBy(tx, { merchantId: actor.merchantId, userId: input.userId }) };
  });
}
