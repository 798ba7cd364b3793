import { AutoRefresh } from "@/components/checkout/auto-refresh";
import { SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { methodLabel } from "@/lib/checkout/display";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadStepPage } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { qrSvg } from "@/lib/payments/qr";

export const generateMetadata = checkoutMetadata("order", "qr");

// GET /o/{token}/qr: a PromptPay or PIX payment's QR code, drawn on the server from the payload the processor
// gave (so it shows with JavaScript off), and PIX's copy-and-paste code. Checking again (by hand, or every
// few seconds when the buyer asks: AutoRefresh) moves on once the bank reports the payment.
export default async function QrPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ auto?: string }> }) {
  const { token } = await params;
  const auto = (await searchParams).auto === "1";
  const [{ order, payment, merchant }, locale] = await Promise.all([loadStepPage(token, "qr"), checkoutLocale("order", token)]);
  const t = translator(locale, "checkout");
  const payload = payment.details?.qr ?? "";
  const method = methodLabel(payment.method, locale);
  const amount = formatMoney(order.amount, order.currency, locale);
  const svg = payload ? await qrSvg(payload, { label: t("qr.imageLabel", { method, amount, merchant: merchant.name }) }) : null;

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/qr`} redirectUrl={order.successUrl}>
      <section aria-labelledby="qr-title" className="space-y-5">
        <div className="space-y-2">
          <h1 id="qr-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("qr.title", { method })}
          </h1>
          <p className="text-slate-700">{t.rich("qr.intro", { amount, strong: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}</p>
        </div>
        {svg ? (
          <div data-testid="payment-qr" className="mx-auto w-64 max-w-full bg-white p-2" dangerouslySetInnerHTML={{ __html: svg }} />
        ) : (
          <p className="text-slate-700">{t("qr.notReady")}</p>
        )}
        {payment.method === "pix" && payload ? (
          <div className="space-y-1">
            <label htmlFor="pix-code" className="block text-sm font-medium text-slate-900">
              {t("qr.pixLabel")}
            </label>
            <p id="pix-code-hint" className="text-sm text-slate-600">
              {t("qr.pixHint")}
            </p>
            <textarea
              id="pix-code"
              readOnly
              rows={4}
              dir="ltr"
              aria-describedby="pix-code-hint"
              value={payload}
              className="block w-full rounded-lg border border-slate-400 bg-slate-50 p-3 font-mono text-xs break-all text-slate-900"
            />
          </div>
        ) : null}
        <DetailsList
          items={[
            [t("details.payTo"), merchant.name],
            [t("details.amount"), amount],
            [
              t("details.reference"),
              <span key="ref" dir="ltr" className="font-mono text-xs">
                {order.id}
              </span>,
            ],
          ]}
        />
        <AutoRefresh path={`/o/${token}/qr`} auto={auto} locale={locale} />
        {order.livemode ? null : (
          <form method="post" action={`/o/${token}/qr/confirm`} className="space-y-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4">
            <p className="text-sm text-amber-950">{t("qr.testMode")}</p>
            <SecondaryButton>{t("qr.simulate")}</SecondaryButton>
          </form>
        )}
      </section>
    </CheckoutPage>
  );
}
