import { memberships } from "./schema";
import type { Db } from "./client";
import { findMembership } from "./queries/memberships";
import { findUserByEmail } from "./queries/users";
import { createMerchant } from "@/lib/services/create-merchant";
import { signUp } from "@/lib/services/sign-up";

export const DEMO_EMAIL = "demo@paylink.test";
export const DEMO_PASSWORD = "paylink-demo-1234";

/**
 * The demo merchant of the first `npm run dev`: an owner of "Demo Coffee Roasters" who is also an admin of a
 * second business, so switching merchants can be tried at once. Safe to run again: it adds only what is missing.
 */
export async function seedDemo(db: Db): Promise<{ email: string; password: string; created: boolean }> {
  const existing = await findUserByEmail(db, DEMO_EMAIL);
  if (existing) return { email: DEMO_EMAIL, password: DEMO_PASSWORD, created: false };

  const { userId } = await signUp(db, {
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    businessName: "Demo Coffee Roasters",
    country: "US",
    currency: "USD",
  });
  const { merchantId } = await createMerchant(db, { userId }, { businessName: "Demo Books Tokyo", country: "JP", currency: "JPY" });
  if ((await findMembership(db, { userId, merchantId }))?.role === "owner") {
    // Show a second role in the switcher: the demo user helps run the bookshop as an admin.
    const { eq, and } = await import("drizzle-orm");
    await db
      .update(memberships)
      .set({ role: "admin" })
      .where(and(eq(memberships.userId, userId), eq(memberships.merchantId, merchantId)));
  }
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, created: true };
}
