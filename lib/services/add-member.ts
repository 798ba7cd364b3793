import type { Db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { memberships } from "@/db/schema";
import { emailSchema, roleSchema } from "@/lib/accounts/schemas";
import { AppError } from "@/lib/core/errors";
import { type Actor, requireTeamManager } from "./team-guards";

/**
 * Gives an existing, verified Paylink user a role at this merchant at once, without asking them: for
 * operators and test set-up. The dashboard invites instead (invitations.ts), and the person accepts.
 */
export async function addMember(db: Db, actor: Actor, input: { email: string; role: string }) {
  await requireTeamManager(db, actor);
  const email = emailSchema.parse(input.email);
  const role = roleSchema.parse(input.role);
  const user = await findUserByEmail(db, email);
  if (!user) {
    throw new AppError("resource_missing", "No Paylink account uses that email yet. Ask them to sign up, then add them.", { param: "email" });
  }
  if (!user.emailVerifiedAt) throw new AppError("forbidden", "That person has not confirmed their email address yet.", { param: "email" });
  const inserted = await db
    .insert(memberships)
    .values({ userId: user.id, merchantId: actor.merchantId, role })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw new AppError("resource_conflict", "That person is already on the team.", { param: "email" });
  return { userId: user.id, role };
}
