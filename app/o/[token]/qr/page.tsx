import type { Metadata } from "next";
import { AutoRefresh } from "@/components/checkout/auto-refresh";
import { SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { formatAmount, methodLabel } from "@/lib/checkout/display";
import { loadStepPage } from "@/lib/http/checkout/page";
import { qrSvg } from "@/lib/payments/qr";

export const metadata: Metadata = { title: "Scan to pay", robots: { index: false, follow: false } };

// GET /o/{token}/qr: a PromptPay or PIX payment's QR code, drawn on the server from the payload the processor
// gave (so it shows with JavaScript off), and PIX's copy-and-paste code. Checking again (by hand, or every
// few seconds when the buyer asks: AutoRefresh) moves on once the bank reports the payment.
export default async function QrPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ auto?: string }> }) {
  const { token } = await params;
  const auto = (await searchParams).auto === "1";
  const { order, payment, merchant } = await loadStepPage(token, "qr");
  const payload = payment.details?.qr ?? "";
  const method = methodLabel(payment.method);
  const amount = formatAmount(order.amount, order.currency);
  const svg = payload ? await qrSvg(payload, { label: `${method} QR code for ${amount} to ${merchant.name}` }) : null;

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <section aria-labelledby="qr-title" className="space-y-5">
        <div className="space-y-2">
          <h1 id="qr-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            Scan to pay with {method}
          </h1>
          <p className="text-slate-700">
            Open your banking app, scan this code and confirm <span className="font-semibold text-slate-900">{amount}</span>, then check
            again here: once your bank confirms the payment you get your receipt.
          </p>
        </div>
        {svg ? (
          <div data-testid="payment-qr" className="mx-auto w-64 max-w-full bg-white p-2" dangerouslySetInnerHTML={{ __html: svg }} />
        ) : (
          <p className="text-slate-700">The QR code is not available yet: check again in a moment.</p>
        )}
        {payment.method === "pix" && payload ? (
          <div className="space-y-1">
            <label htmlFor="pix-code" className="block text-sm font-medium text-slate-900">
              Pix copy-and-paste code
            </label>
            <p id="pix-code-hint" className="text-sm text-slate-600">
              On this phone? Copy the code and paste it under “Pix Copia e Cola” in your banking app.
            </p>
            <textarea
              id="pix-code"
              readOnly
              rows={4}
              aria-describedby="pix-code-hint"
              value={payload}
              className="block w-full rounded-lg border border-slate-400 bg-slate-50 p-3 font-mono text-xs break-all text-slate-900"
            />
          </div>
        ) : null}
        <DetailsList
          items={[
            ["Pay to", merchant.name],
            ["Amount", amount],
            ["Reference", <span key="ref" className="font-mono text-xs">{order.id}</span>],
          ]}
        />
        <AutoRefresh path={`/o/${token}/qr`} auto={auto} />
        {order.livemode ? null : (
          <form method="post" action={`/o/${token}/qr/confirm`} className="space-y-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4">
            <p className="text-sm text-amber-950">Test mode: no banking app will pay this code. Play the bank&apos;s part:</p>
            <SecondaryButton>Simulate the payment in a banking app</SecondaryButton>
          </form>
        )}
      </section>
    </CheckoutPage>
  );
}
