import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { memberships, merchants, users } from "@/db/schema";
import { signUpSchema, type SignUpInput } from "@/lib/accounts/schemas";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/core/errors";
import { isUniqueViolation } from "@/lib/core/pg-errors";
import { newId } from "@/lib/core/ids";
import { queueVerificationEmail } from "./account-emails";
import { joinByInvitation } from "./invitations";

export interface SignUpResult {
  userId: string;
  merchantId: string;
  /** The team joined through `invitationToken`, if any. */
  joinedMerchantId?: string | null;
}

export interface SignUpOptions {
  /** The address is already proven (an operator made the account, or the sign-up came from an emailed invitation link to it). */
  verified?: boolean;
  /** Unverified sign-ups get the verification email, its link on this base URL (APP_URL). */
  appUrl?: string;
  /** Signed up from this invitation's link: joins that team in the same transaction, if it is for this address. */
  invitationToken?: string;
}

/**
 * Creates a user, their first merchant and the owner membership, and queues the verification email — all or
 * nothing. Until the address is verified the user works in test mode only (no live keys, no other teams).
 */
export async function signUp(db: Db, input: SignUpInput, options: SignUpOptions = {}): Promise<SignUpResult> {
  const data = signUpSchema.parse(input);
  if (await findUserByEmail(db, data.email)) {
    throw new AppError("resource_conflict", "An account with this email already exists. Sign in instead.", {
      param: "email",
    });
  }
  const passwordHash = await hashPassword(data.password);
  const userId = newId("user");
  const merchantId = newId("merchant");
  let joinedMerchantId: string | null = null;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ id: userId, email: data.email, passwordHash, emailVerifiedAt: options.verified ? new Date() : null });
      await tx.insert(merchants).values({
        id: merchantId,
        name: data.businessName,
        country: data.country,
        defaultCurrency: data.currency,
      });
      await tx.insert(memberships).values({ userId, merchantId, role: "owner" });
      if (options.invitationToken) joinedMerchantId = await joinByInvitation(tx, options.invitationToken, { id: userId, email: data.email });
      if (joinedMerchantId) await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
      else if (!options.verified && options.appUrl) await queueVerificationEmail(tx, { id: userId, email: data.email }, { appUrl: options.appUrl });
    });
  } catch (error) {
    // Two sign-ups with one email racing past the look-up above: the unique index decides.
    if (isUniqueViolation(error)) {
      throw new AppError("resource_conflict", "An account with this email already exists. Sign in instead.", {
        param: "email",
      });
    }
    throw error;
  }
  return { userId, merchantId, joinedMerchantId };
}
