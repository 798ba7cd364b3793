import type { Metadata } from "next";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { SimulatedStep } from "@/components/checkout/simulated-step";
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
      <SimulatedStep
        token={token}
        step="pay-later"
        eyebrow={`Simulated ${provider}`}
        title={`Pay in ${INSTALMENTS} interest-free instalments`}
        intro={`${merchant.name} is paid now; you pay ${provider} ${formatAmount(order.amount, order.currency)} in ${INSTALMENTS} parts, a month apart.`}
        details={plan.map((minor, i) => [i === 0 ? "Today" : `In ${i * 30} days`, formatAmount(minor, order.currency)])}
        approve="Confirm and pay"
        decline="Decline"
      />
    </CheckoutPage>
  );
}
