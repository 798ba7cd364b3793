import type { Metadata } from "next";
import { PrimaryButton, SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { formatAmount, instalments, methodLabel } from "@/lib/checkout/display";
import { loadStepPage } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Pay later", robots: { index: false, follow: false } };

const INSTALMENTS = 3;

// GET /o/{token}/pay-later: the simulated Klarna page: the buyer sees the instalment plan, then approves it
// or declines; both answers post to /o/{token}/action.
export default async function PayLaterPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { order, payment, merchant } = await loadStepPage(token, "pay-later");
  const provider = methodLabel(payment.method);
  const plan = instalments(order.amount, INSTALMENTS);

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <section aria-labelledby="later-title" className="space-y-5 rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
        <div className="space-y-2">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-600">Simulated {provider}</p>
          <h1 id="later-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            Pay in {INSTALMENTS} interest-free instalments
          </h1>
          <p className="text-slate-700">
            {merchant.name} is paid now; you pay {provider} {formatAmount(order.amount, order.currency)} in {INSTALMENTS} parts, a month apart.
          </p>
        </div>
        <DetailsList items={plan.map((minor, i) => [i === 0 ? "Today" : `In ${i * 30} days`, formatAmount(minor, order.currency)])} />
        <form method="post" action={`/o/${token}/action`} className="space-y-3">
          <input type="hidden" name="step" value="pay-later" />
          <PrimaryButton name="decision" value="approve">
            Confirm and pay
          </PrimaryButton>
          <SecondaryButton name="decision" value="decline">
            Decline
          </SecondaryButton>
        </form>
      </section>
    </CheckoutPage>
  );
}
