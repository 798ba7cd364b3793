import { AppError } from "@/lib/core/errors";

// A platform's application fee on a link or an order (API.md, "Platforms acting for their merchants"): decided
// once here for the three services that take one (create a link, update a link, create an order). Pure.

export interface FeeRequest {
  /** `application_fee_amount` as parsed: undefined when not sent (no change), null or 0 for no fee. */
  requested: number | null | undefined;
  /** The platform, when its key acts for this connected merchant (ServiceContext.actingPlatformId). */
  actingPlatformId?: string;
  /** The object's price: a fixed amount, or (amount null) the lowest amount a buyer may choose. */
  amount: number | null;
  customMinimum?: number | null;
  /** The object's currency, for the messages: the fee is in its minor unit. */
  currency: string;
  /** The fee stored now (an update); null or absent for a new object. */
  current?: number | null;
}

const PARAM = "application_fee_amount";

/**
 * The fee to store: undefined when the request does not touch it, null for none (0 means none too: one way to
 * say it, so totals never count fee-less orders), else the amount. Refuses:
 * - 403 forbidden when anyone but the merchant's platform, acting for it, would set, change or clear a fee (the
 *   merchant's own key must not remove what its platform takes; a null that changes nothing is let through);
 * - 400 parameter_invalid for a fee above the fixed amount, or for a buyer-chosen amount without a
 *   `custom_amount.minimum` at or above the fee (every payment must cover it).
 */
export function decideApplicationFee(request: FeeRequest): number | null | undefined {
  const { requested, currency } = request;
  if (requested === undefined) return undefined;
  const current = request.current ?? null;
  if (!request.actingPlatformId && (requested !== null || current !== null)) {
    throw new AppError(
      "forbidden",
      "application_fee_amount is a platform's fee: only the platform's key, acting for this connected merchant with Paylink-Merchant, may set, change or clear it.",
      { param: PARAM },
    );
  }
  if (requested === null || requested === 0) return null;
  if (request.amount !== null) {
    if (requested > request.amount) {
      throw invalid(`it must not exceed the amount (${request.amount}): both are in the minor unit of ${currency}.`);
    }
    return requested;
  }
  const minimum = request.customMinimum ?? null;
  if (minimum === null) {
    throw invalid("the buyer chooses the amount, so set custom_amount.minimum at or above the fee: every payment must cover it.");
  }
  if (requested > minimum) {
    throw invalid(`it must not exceed custom_amount.minimum (${minimum}), the lowest amount a buyer may pay: both are in the minor unit of ${currency}.`);
  }
  return requested;
}

function invalid(why: string): AppError {
  return new AppError("parameter_invalid", `Invalid ${PARAM}: ${why}`, { param: PARAM });
}
