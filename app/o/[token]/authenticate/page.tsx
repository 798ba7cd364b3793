import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PrimaryButton, SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { cardLabel, formatAmount } from "@/lib/checkout/display";
import { stepPath } from "@/lib/checkout/steps";
import { loadOrderCheckout } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Confirm your payment", robots: { index: false, follow: false } };

// GET /o/{token}/authenticate: the simulated processor's 3-D Secure challenge, where a real card's bank would
// ask the buyer to confirm. Either answer posts to /o/{token}/action.
export default async function AuthenticatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const loaded = await loadOrderCheckout(token);
  if (!loaded) notFound();
  const { order, payment, merchant, step } = loaded;
  if (step.kind !== "action" || step.page !== "authenticate") redirect(stepPath(token, step));

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <section aria-labelledby="challenge-title" className="space-y-5">
        <div className="space-y-2">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-600">3-D Secure · simulated bank</p>
          <h1 id="challenge-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            Confirm it&apos;s you
          </h1>
          <p className="text-slate-700">Your card&apos;s bank asks you to approve this payment before it goes through.</p>
        </div>
        <DetailsList
          items={[
            ["Merchant", merchant.name],
            ["Amount", formatAmount(order.amount, order.currency)],
            ["Card", cardLabel(payment?.cardBrand ?? null, payment?.cardLast4 ?? null)],
          ]}
        />
        <form method="post" action={`/o/${token}/action`} className="space-y-3">
          <input type="hidden" name="step" value="authenticate" />
          <PrimaryButton name="decision" value="approve">
            Complete authentication
          </PrimaryButton>
          <SecondaryButton name="decision" value="decline">
            Fail authentication
          </SecondaryButton>
        </form>
      </section>
    </CheckoutPage>
  );
}
