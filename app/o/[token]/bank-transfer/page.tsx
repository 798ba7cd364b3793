import { notFound, redirect } from "next/navigation";
import { AutoRefresh } from "@/components/checkout/auto-refresh";
import { SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { afterPaymentPath, stepPath } from "@/lib/checkout/steps";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadOrderCheckout } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";

export const generateMetadata = checkoutMetadata("order", "bankTransfer");

// GET /o/{token}/bank-transfer: transfer instructions while the (simulated) bank's confirmation is awaited.
// Checking again (by hand, or every few seconds when the buyer asks: AutoRefresh) moves on once it is paid.
export default async function BankTransferPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ auto?: string }> }) {
  const { token } = await params;
  const auto = (await searchParams).auto === "1";
  const [loaded, locale] = await Promise.all([loadOrderCheckout(token), checkoutLocale("order", token)]);
  if (!loaded) notFound();
  const { order, merchant, step } = loaded;
  if (step.kind === "paid") redirect(afterPaymentPath(order));
  if (step.kind !== "action" || step.page !== "bank-transfer") redirect(stepPath(token, step));
  const t = translator(locale, "checkout");
  const amount = formatMoney(order.amount, order.currency, locale);

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/bank-transfer`} redirectUrl={order.successUrl}>
      <section aria-labelledby="transfer-title" className="space-y-5">
        <div className="space-y-2">
          <h1 id="transfer-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("bankTransfer.title")}
          </h1>
          <p className="text-slate-700">{t.rich("bankTransfer.intro", { amount, strong: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}</p>
        </div>
        <h2 className="text-lg font-semibold text-slate-900">{t("bankTransfer.instructions")}</h2>
        <DetailsList
          items={[
            [t("details.amount"), amount],
            [
              t("details.reference"),
              <span key="ref" dir="ltr" className="font-mono text-xs">
                {order.id}
              </span>,
            ],
            [t("details.accountHolder"), t("bankTransfer.accountHolder", { merchant: merchant.name })],
            [t("details.bank"), t("bankTransfer.bankName")],
            [
              t("details.iban"),
              <span key="iban" dir="ltr" className="font-mono text-xs">
                XX00 SIMU 0000 0000 0000 00
              </span>,
            ],
          ]}
        />
        <p className="text-sm text-slate-600">{t("bankTransfer.referenceHint")}</p>
        <AutoRefresh path={`/o/${token}/bank-transfer`} auto={auto} locale={locale} />
        {order.livemode ? null : (
          <form method="post" action={`/o/${token}/bank-transfer/confirm`} className="space-y-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4">
            <p className="text-sm text-amber-950">{t("bankTransfer.testMode")}</p>
            <SecondaryButton>{t("bankTransfer.simulate")}</SecondaryButton>
          </form>
        )}
      </section>
    </CheckoutPage>
  );
}
