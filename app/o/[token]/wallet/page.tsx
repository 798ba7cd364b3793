import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PrimaryButton, SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { formatAmount, methodLabel } from "@/lib/checkout/display";
import { stepPath } from "@/lib/checkout/steps";
import { loadOrderCheckout } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Approve your payment", robots: { index: false, follow: false } };

// GET /o/{token}/wallet: the simulated wallet (Alipay, WeChat Pay, Apple Pay, Google Pay) where the buyer
// approves or declines the payment. Either answer posts to /o/{token}/action.
export default async function WalletPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const loaded = await loadOrderCheckout(token);
  if (!loaded) notFound();
  const { order, payment, merchant, step } = loaded;
  if (step.kind !== "action" || step.page !== "wallet") redirect(stepPath(token, step));
  const wallet = methodLabel(payment?.method ?? "");

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <section aria-labelledby="wallet-title" className="space-y-5 rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
        <div className="space-y-2">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-600">Simulated wallet</p>
          <h1 id="wallet-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            Pay with {wallet}
          </h1>
          <p className="text-slate-700">
            {merchant.name} asks {wallet} for this payment. Approve it to pay, or decline to go back.
          </p>
        </div>
        <DetailsList
          items={[
            ["Merchant", merchant.name],
            ["Item", order.itemName],
            ["Amount", formatAmount(order.amount, order.currency)],
          ]}
        />
        <form method="post" action={`/o/${token}/action`} className="space-y-3">
          <input type="hidden" name="step" value="wallet" />
          <PrimaryButton name="decision" value="approve">
            Approve
          </PrimaryButton>
          <SecondaryButton name="decision" value="decline">
            Decline
          </SecondaryButton>
        </form>
      </section>
    </CheckoutPage>
  );
}
