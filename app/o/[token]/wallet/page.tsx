import type { Metadata } from "next";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { SimulatedStep } from "@/components/checkout/simulated-step";
import { formatAmount, methodLabel } from "@/lib/checkout/display";
import { loadStepPage } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Approve your payment", robots: { index: false, follow: false } };

// GET /o/{token}/wallet: the simulated wallet (Alipay, WeChat Pay, Apple Pay, Google Pay) where the buyer
// approves or declines the payment. Either answer posts to /o/{token}/action.
export default async function WalletPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { order, payment, merchant } = await loadStepPage(token, "wallet");
  const wallet = methodLabel(payment.method);

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <SimulatedStep
        token={token}
        step="wallet"
        eyebrow="Simulated wallet"
        title={`Pay with ${wallet}`}
        intro={`${merchant.name} asks ${wallet} for this payment. Approve it to pay, or decline to go back.`}
        details={[
          ["Merchant", merchant.name],
          ["Item", order.itemName],
          ["Amount", formatAmount(order.amount, order.currency)],
        ]}
        approve="Approve"
        decline="Decline"
      />
    </CheckoutPage>
  );
}
