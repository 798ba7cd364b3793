import type { Metadata } from "next";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { SimulatedStep } from "@/components/checkout/simulated-step";
import { cardLabel, formatAmount } from "@/lib/checkout/display";
import { loadStepPage } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Confirm your payment", robots: { index: false, follow: false } };

// GET /o/{token}/authenticate: the simulated processor's 3-D Secure challenge, where a real card's bank would
// ask the buyer to confirm. Either answer posts to /o/{token}/action.
export default async function AuthenticatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { order, payment, merchant } = await loadStepPage(token, "authenticate");

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <SimulatedStep
        token={token}
        step="authenticate"
        eyebrow="3-D Secure · simulated bank"
        title="Confirm it’s you"
        intro="Your card’s bank asks you to approve this payment before it goes through."
        details={[
          ["Merchant", merchant.name],
          ["Amount", formatAmount(order.amount, order.currency)],
          ["Card", cardLabel(payment.cardBrand, payment.cardLast4)],
        ]}
        approve="Complete authentication"
        decline="Fail authentication"
      />
    </CheckoutPage>
  );
}
