import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deleteOtherSessions } from "@/db/queries/sessions";
import { findUserById } from "@/db/queries/users";
import { users } from "@/db/schema";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/accounts/schemas";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createSignInThrottle, type ThrottleOptions } from "@/lib/auth/throttle";
import { AppError } from "@/lib/core/errors";

export interface ChangePasswordActor {
  userId: string;
  /** The session asking: it stays signed in; every other session of the user ends. */
  sessionId: string;
  clientIp: string;
}

/**
 * Replaces the signed-in user's password. The current password is checked first, under the same throttle as
 * sign-in (a stolen session must not become a way to guess the password), and every other session of the
 * user ends in the same transaction as the change: a browser left signed in elsewhere, or a copied cookie,
 * is signed out.
 */
export async function changePassword(db: Db, actor: ChangePasswordActor, input: ChangePasswordInput, throttleOptions: ThrottleOptions): Promise<{ endedSessions: number }> {
  const data = changePasswordSchema.parse(input);
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError("resource_missing", "No such user.");
  const throttle = createSignInThrottle(db, throttleOptions);
  const gate = await throttle.consume(user.email, actor.clientIp);
  if (!gate.ok) throw new AppError("rate_limited", "Too many wrong passwords. Wait a few minutes, then try again.", { param: "currentPassword" });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError("parameter_invalid", "That is not your current password.", { param: "currentPassword" });
  }
  await throttle.succeeded(user.email, actor.clientIp);
  const passwordHash = await hashPassword(data.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    return { endedSessions: await deleteOtherSessions(tx, user.id, actor.sessionId) };
  });
}
