import { AppError } from "@/lib/core/errors";
import { MAX_METADATA_KEYS } from "./schemas";
/** Why a link takes no payment, or null when it does. Pure: the checkout and the API both ask this. */
/**
 * What a link says after payment when its merchant wrote nothing. Stored on the link in English (the API shows
 * it); the receipt page words it in the buyer's language (checkout.receipt.defaultMessage).
 */
export const DEFAULT_AFTER_PAYMENT_MESSAGE = "Thank you for your payment.";

export type LinkUnavailableReason = "inactive" | "expired" | "sold_out";

export interface LinkAvailabilityInput {
  active: boolean;
  expiresAt: Date | null;
  maxPayments: number | null;
  payCount: number;
}

export function linkUnavailableReason(link: LinkAvailabilityInput, now: Date = new Date()): LinkUnavailableReason | null {
  if (!link.active) return "inactive";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.maxPayments !== null && link.payCount >= link.maxPayments) return "sold_out";
  return null;
}

/** The status the dashboard shows for a link. */
export function linkStatus(link: LinkAvailabilityInput, now: Date = new Date()): "active" | "disabled" | "expired" | "sold_out" {
  const reason = linkUnavailableReason(link, now);
  return reason === null ? "active" : reason === "inactive" ? "disabled" : reason;
}

/**
 * Merges a metadata update into the current metadata (an empty-string value removes its key), refusing a result
 * over MAX_METADATA_KEYS: the update alone was checked, but together with what is kept it may be too many.
 */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string>, owner: "link" | "merchant"): Record<string, string> {
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > MAX_METADATA_KEYS) {
    throw new AppError("parameter_invalid", `Invalid metadata: a ${owner} keeps at most ${MAX_METADATA_KEYS} keys; remove some by setting them to "".`, { param: "metadata" });
  }
  return next;
}
