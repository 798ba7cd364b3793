import type { Metadata } from "next";
import { AutoRefresh } from "@/components/checkout/auto-refresh";
import { SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { formatAmount } from "@/lib/checkout/display";
import { loadStepPage } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Direct debit in progress", robots: { index: false, follow: false } };

// GET /o/{token}/debit: a SEPA Direct Debit the buyer authorised, while the bank collects it (days for a real
// bank; SIMULATOR_SEPA_SECONDS here). Checking again moves on when the bank has answered.
export default async function DebitPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ auto?: string }> }) {
  const { token } = await params;
  const auto = (await searchParams).auto === "1";
  const { order, payment, merchant } = await loadStepPage(token, "debit");
  const amount = formatAmount(order.amount, order.currency);
  const account = payment.details?.iban_last4 ? `${payment.details.iban_country ?? ""}•• •••• ${payment.details.iban_last4}` : "—";

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <section aria-labelledby="debit-title" className="space-y-5">
        <div className="space-y-2">
          <h1 id="debit-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            Your direct debit is being processed
          </h1>
          <p className="text-slate-700">
            You authorised {merchant.name} to debit <span className="font-semibold text-slate-900">{amount}</span> from your account. Your bank
            collects it shortly; once it has, this page shows your receipt. You can close it.
          </p>
        </div>
        <DetailsList
          items={[
            ["Amount", amount],
            ["Account", <span key="account" className="font-mono text-xs">{account}</span>],
            ["Mandate reference", <span key="mandate" className="font-mono text-xs">{payment.id}</span>],
          ]}
        />
        <AutoRefresh path={`/o/${token}/debit`} auto={auto} />
        {order.livemode ? null : (
          <form method="post" action={`/o/${token}/debit/confirm`} className="space-y-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4">
            <p className="text-sm text-amber-950">Test mode: play the bank&apos;s part now instead of waiting for it.</p>
            <SecondaryButton>Simulate the bank&apos;s answer</SecondaryButton>
          </form>
        )}
      </section>
    </CheckoutPage>
  );
}
