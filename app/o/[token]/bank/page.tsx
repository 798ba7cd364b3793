import type { Metadata } from "next";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { SimulatedStep } from "@/components/checkout/simulated-step";
import { formatAmount, methodLabel } from "@/lib/checkout/display";
import { loadStepPage } from "@/lib/http/checkout/page";
import { isPaymentMethod, METHOD_RULES } from "@/lib/payments/methods";

export const metadata: Metadata = { title: "Choose your bank", robots: { index: false, follow: false } };

// GET /o/{token}/bank: the simulated bank page an iDEAL, Bancontact or FPX payment redirects the buyer to. The
// buyer picks their bank, then approves or fails the payment there; both answers post to /o/{token}/action.
export default async function BankPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { order, payment, merchant } = await loadStepPage(token, "bank");
  const method = methodLabel(payment.method);
  const banks = isPaymentMethod(payment.method) ? (METHOD_RULES[payment.method].banks ?? []) : [];

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <SimulatedStep
        token={token}
        step="bank"
        eyebrow={`Simulated ${method}`}
        title={`Pay with ${method}`}
        intro={`Choose your bank, then approve the payment to ${merchant.name} as you would in your banking app.`}
        details={[
          ["Merchant", merchant.name],
          ["Item", order.itemName],
          ["Amount", formatAmount(order.amount, order.currency)],
        ]}
        choices={
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium text-slate-900">Your bank</legend>
            <div className="grid grid-cols-2 gap-2">
              {banks.map((bank, i) => (
                <label
                  key={bank}
                  className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 has-checked:border-slate-900 has-checked:ring-2 has-checked:ring-slate-900"
                >
                  <input type="radio" name="bank" value={bank} defaultChecked={i === 0} className="size-4 accent-slate-900" />
                  {bank}
                </label>
              ))}
            </div>
          </fieldset>
        }
        approve="Approve payment"
        decline="Cancel at my bank"
      />
    </CheckoutPage>
  );
}
