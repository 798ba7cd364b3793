import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findMembership } from "@/db/queries/memberships";
import { memberships, type MembershipRole } from "@/db/schema";
import { roleSchema } from "@/lib/accounts/schemas";
import { AppError } from "@/lib/core/errors";
import { type Actor, requireTeamManager, lockMerchant, ownerCount } from "./team-guards";

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
