import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findMembership } from "@/db/queries/memberships";
import { memberships, merchants } from "@/db/schema";
import { can } from "@/lib/accounts/permissions";
import { AppError } from "@/lib/core/errors";

// Team management for one merchant. Only owners manage the team, and a merchant always keeps at least one
// owner: the checks that guarantee it run under a lock on the merchant row, so two owners demoting each
// other at the same moment cannot both succeed.

export interface Actor {
  userId: string;
  merchantId: string;
}

export async function requireTeamManager(db: Db, actor: Actor) {
  const membership = await findMembership(db, actor);
  if (!membership) throw new AppError("resource_missing", "No such merchant.");
  if (!can(membership.role, "manage_team")) throw new AppError("forbidden", "Only an owner can manage the team.");
}

export async function lockMerchant(tx: Db, merchantId: string) {
  await tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).for("update");
}

export async function ownerCount(tx: Db, merchantId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.merchantId, merchantId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}
