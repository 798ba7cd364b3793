import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/db";
import { listMembershipsForUser, type MerchantMembership } from "@/db/queries/memberships";
import { findUserById } from "@/db/queries/users";
import { auth } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/auth/config";

export const MERCHANT_COOKIE = "paylink_merchant";
export const MODE_COOKIE = "paylink_mode";

export interface SessionContext {
  user: { id: string; email: string; emailVerified: boolean };
  /** The `sessions` row this browser is signed in with. */
  sessionId: string;
  memberships: MerchantMembership[];
  /** The merchant the dashboard is acting for: the one chosen in the switcher, else the first; null if none. */
  current: MerchantMembership | null;
  /**
   * Test mode unless the user switched to live; every merchant query is scoped by it. Always test mode until the
   * user has confirmed their email address, whatever the mode cookie says.
   */
  livemode: boolean;
}

export interface DashboardContext extends SessionContext {
  current: MerchantMembership;
}

/**
 * Who is signed in and for which merchant, read once per request. The session's row (checked by auth()) and
 * the memberships come from the database on every request, so a signed-out session or a removed member loses
 * access at once even though sessions are JWTs.
 */
export const getSessionContext = cache(async (): Promise<SessionContext> => {
  await connection();
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) redirect(SIGN_IN_PATH);
  const db = await getDb();
  const [user, memberships] = await Promise.all([findUserById(db, userId), listMembershipsForUser(db, { userId })]);
  if (!user) redirect(SIGN_IN_PATH);
  const store = await cookies();
  const selected = store.get(MERCHANT_COOKIE)?.value;
  const current = memberships.find((m) => m.merchant.id === selected) ?? memberships[0] ?? null;
  return {
    user: { id: user.id, email: user.email, emailVerified: user.emailVerifiedAt !== null },
    sessionId,
    memberships,
    current,
    // The cookie alone is not enough: one left in this browser by another user, or set by hand, must not put an
    // unconfirmed account in live mode (setModeAction refuses to set it, and says why).
    livemode: store.get(MODE_COOKIE)?.value === "live" && user.emailVerifiedAt !== null,
  };
});

/** The session context of a page that acts for a merchant; a user who belongs to none is sent to create one. */
export async function getDashboardContext(): Promise<DashboardContext> {
  const context = await getSessionContext();
  if (!context.current) redirect("/dashboard/businesses/new");
  return context as DashboardContext;
}
