import type { Db } from "@/db/client";
import { validateCard } from "@/lib/payments/card";
import { createSimulatedProcessor } from "@/lib/processor/simulated";
import { onlyConnector } from "@/lib/processor";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import type { PaymentContext } from "@/lib/services/payment-context";
import { signUp } from "@/lib/services/sign-up";
// No vitest import here: Playwright specs use these helpers too.
import { uniqueEmail } from "./ids";

/**
 * A payment context on the simulator, as the app builds one from its settings, keeping the simulator's books
 * in `db`; timings of 0 make bank transfers and refunds settle at the next sweep.
 */
export function simulatorContext(
  db: Db,
  timing: { bankTransferSeconds: number; refundSeconds: number; latencyMs?: number } = { bankTransferSeconds: 0, refundSeconds: 0 },
  appUrl = "https://pay.example.com",
): PaymentContext {
  return { appUrl, processors: onlyConnector(createSimulatedProcessor({ ...timing, db })), orderTtlHours: 24, connectorTimeoutSeconds: 30 };
}

export async function newMerchantScope(db: Db, currency = "USD") {
  const { merchantId } = await signUp(db, { email: uniqueEmail("pay"), password: "a long enough password", businessName: "Pay", country: "US", currency });
  return { merchantId, livemode: false };
}

export function cardBuyer(number = "4242424242424242"): BuyerPayment {
  const checked = validateCard({ number, expiry: "12/40", cvc: "123" });
  if (!checked.ok) throw new Error(`bad test card ${number}`);
  return { method: "card", email: "buyer@example.com", name: "Ana Buyer", card: checked.card };
}
