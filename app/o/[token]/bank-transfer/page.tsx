import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AutoRefresh } from "@/components/checkout/auto-refresh";
import { SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { formatAmount } from "@/lib/checkout/display";
import { afterPaymentPath, stepPath } from "@/lib/checkout/steps";
import { loadOrderCheckout } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Waiting for your bank", robots: { index: false, follow: false } };

// GET /o/{token}/bank-transfer: transfer instructions while the (simulated) bank's confirmation is awaited.
// Checking again (by hand, or every few seconds when the buyer asks: AutoRefresh) moves on once it is paid.
export default async function BankTransferPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ auto?: string }> }) {
  const { token } = await params;
  const auto = (await searchParams).auto === "1";
  const loaded = await loadOrderCheckout(token);
  if (!loaded) notFound();
  const { order, merchant, step } = loaded;
  if (step.kind === "paid") redirect(afterPaymentPath(order));
  if (step.kind !== "action" || step.page !== "bank-transfer") redirect(stepPath(token, step));
  const amount = formatAmount(order.amount, order.currency);

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <section aria-labelledby="transfer-title" className="space-y-5">
        <div className="space-y-2">
          <h1 id="transfer-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            Waiting for your bank
          </h1>
          <p className="text-slate-700">
            Transfer <span className="font-semibold text-slate-900">{amount}</span> with the reference below. Once the money arrives, this
            page shows your receipt; you can close it and come back to this address.
          </p>
        </div>
        <h2 className="text-lg font-semibold text-slate-900">Transfer instructions</h2>
        <DetailsList
          items={[
            ["Amount", amount],
            ["Reference", <span key="ref" className="font-mono text-xs">{order.id}</span>],
            ["Account holder", `${merchant.name} via Paylink`],
            ["Bank", "Paylink Simulated Bank"],
            ["IBAN", <span key="iban" className="font-mono text-xs">XX00 SIMU 0000 0000 0000 00</span>],
          ]}
        />
        <p className="text-sm text-slate-600">Use the reference exactly as shown, so the payment is matched to your order.</p>
        <AutoRefresh path={`/o/${token}/bank-transfer`} auto={auto} />
        {order.livemode ? null : (
          <form method="post" action={`/o/${token}/bank-transfer/confirm`} className="space-y-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4">
            <p className="text-sm text-amber-950">Test mode: no bank will send this money. Play the bank&apos;s part:</p>
            <SecondaryButton>Simulate bank confirmation</SecondaryButton>
          </form>
        )}
      </section>
    </CheckoutPage>
  );
}
