import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { can } from "@/lib/accounts/permissions";
import { getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import type { ServiceContext } from "@/lib/core/scope";
import { getDashboardContext } from "@/lib/http/session";
import type { MerchantObject } from "@/lib/merchants/serialize";
import { getConnectedMerchant } from "@/lib/services/get-connected-merchant";
import { staleFormMessage } from "../orders/context";

export interface PlatformContext {
  /** The platform, in the dashboard's mode: what the connected-merchant services take. */
  ctx: ServiceContext;
  userId: string;
  merchant: { country: string; defaultCurrency: string };
  /** Owners and admins create connected merchants (as a platform key, which they can make, would). */
  canCreate: boolean;
  /**
   * Only the platform's owners see a connected merchant's people (its members' and invitees' addresses) and invite
   * them, as only owners see and manage a team: an admin or viewer of the platform has no business with them.
   */
  canManagePeople: boolean;
}

/**
 * The Connected merchants pages exist only for a platform: for any other business (a connected merchant's own
 * members included) they are a 404, as if the section did not exist.
 */
export async function getPlatformContext(): Promise<PlatformContext> {
  const { current, livemode, user } = await getDashboardContext();
  if (!current.merchant.platform) notFound();
  return {
    ctx: { merchantId: current.merchant.id, livemode, appUrl: getEnv().APP_URL },
    userId: user.id,
    merchant: current.merchant,
    canCreate: can(current.role, "write"),
    canManagePeople: can(current.role, "manage_team"),
  };
}

/**
 * The dashboard's stale-form check (`staleFormMessage`, the form's hidden `merchantId` and `mode`), made before
 * getPlatformContext: a form from a tab whose business or mode was switched since — to a business that is not a
 * platform, say — is told to reload rather than answered with a 404, and never acts for the other business or
 * mode (a connected merchant created in live mode from a test-mode page).
 */
export async function staleConnectedFormMessage(formData: FormData): Promise<string | null> {
  const { current, livemode } = await getDashboardContext();
  return staleFormMessage(formData, { merchantId: current.merchant.id, livemode });
}

/** One of the platform's connected merchants in the dashboard's mode; another platform's, or an unknown id, is a 404. */
export async function getConnectedOr404(ctx: ServiceContext, id: string): Promise<MerchantObject> {
  try {
    return await getConnectedMerchant(await getDb(), ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "resource_missing") notFound();
    throw error;
  }
}
