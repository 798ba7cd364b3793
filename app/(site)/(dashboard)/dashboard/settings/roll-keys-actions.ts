"use server";

import { getDb } from "@/db";
import { listActiveApiKeysCreatedBy } from "@/db/queries/api-keys";
import { can } from "@/lib/accounts/permissions";
import { isAppError } from "@/lib/core/errors";
import { getDashboardContext } from "@/lib/http/session";
import { rollApiKey } from "@/lib/services/roll-api-key";
import type { RollKeysState } from "./removed-member-keys";

/**
 * Rolls the keys a removed member created: each is revoked and replaced by a new key of the same name and
 * mode, whose secret this one answer carries. Only keys still active and still this business's are touched.
 */
export async function rollKeysAction(_previous: RollKeysState, formData: FormData): Promise<RollKeysState> {
  const { user, current } = await getDashboardContext();
  if (!can(current.role, "manage_settings")) return { message: "Only an owner or admin can roll API keys." };
  if (formData.get("merchantId") !== current.merchant.id) {
    return { message: "This page is out of date: the business was switched in another tab. Reload the page and try again." };
  }
  const db = await getDb();
  const wanted = new Set(formData.getAll("keyId").map(String));
  const keys = (await listActiveApiKeysCreatedBy(db, { merchantId: current.merchant.id, userId: String(formData.get("createdBy") ?? "") })).filter((k) => wanted.has(k.id));
  const rolled: NonNullable<RollKeysState["rolled"]> = [];
  for (const key of keys) {
    try {
      const next = await rollApiKey(db, { merchantId: current.merchant.id, livemode: key.livemode }, key.id, { createdBy: user.id });
      rolled.push({ id: next.id, name: next.name, livemode: next.livemode, secret: next.secret });
    } catch (error) {
      // Revoked by someone else in the meantime: nothing left to roll.
      if (!isAppError(error)) throw error;
    }
  }
  // No revalidatePath: it would re-render this page, whose list of keys to roll is now empty, and unmount the
  // one view of the new secrets. (Every dashboard page is rendered per request; nothing is cached to clear.)
  // The new secrets go back to this one response: not logged, not put in a URL.
  return { ok: true, rolled, message: rolled.length === 0 ? "These keys were already revoked." : undefined };
}
