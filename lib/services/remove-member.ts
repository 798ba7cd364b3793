import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listActiveApiKeysCreatedBy } from "@/db/queries/api-keys";
import { findMembership } from "@/db/queries/memberships";
import { memberships, type ApiKey } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { type Actor, requireTeamManager, lockMerchant, ownerCount } from "./team-guards";

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
