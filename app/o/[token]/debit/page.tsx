import { AutoRefresh } from "@/components/checkout/auto-refresh";
import { SecondaryButton } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { DetailsList } from "@/components/checkout/details-list";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadStepPage } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";

export const generateMetadata = checkoutMetadata("order", "debit");

// GET /o/{token}/debit: a SEPA Direct Debit the buyer authorised, while the bank collects it (days for a real
// bank; SIMULATOR_SEPA_SECONDS here). Checking again moves on when the bank has answered.
export default async function DebitPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ auto?: string }> }) {
  const { token } = await params;
  const auto = (await searchParams).auto === "1";
  const [{ order, payment, merchant }, locale] = await Promise.all([loadStepPage(token, "debit"), checkoutLocale("order", token)]);
  const t = translator(locale, "checkout");
  const amount = formatMoney(order.amount, order.currency, locale);
  const account = payment.details?.iban_last4 ? `${payment.details.iban_country ?? ""}•• •••• ${payment.details.iban_last4}` : "—";

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/debit`} redirectUrl={order.successUrl}>
      <section aria-labelledby="debit-title" className="space-y-5">
        <div className="space-y-2">
          <h1 id="debit-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("debit.title")}
          </h1>
          <p className="text-slate-700">
            {t.rich("debit.intro", { merchant: merchant.name, amount, strong: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}
          </p>
        </div>
        <DetailsList
          items={[
            [t("details.amount"), amount],
            [
              t("details.account"),
              <span key="account" dir="ltr" className="font-mono text-xs">
                {account}
              </span>,
            ],
            [
              t("details.mandateReference"),
              <span key="mandate" dir="ltr" className="font-mono text-xs">
                {payment.id}
              </span>,
            ],
          ]}
        />
        <AutoRefresh path={`/o/${token}/debit`} auto={auto} locale={locale} />
        {order.livemode ? null : (
          <form method="post" action={`/o/${token}/debit/confirm`} className="space-y-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4">
            <p className="text-sm text-amber-950">{t("debit.testMode")}</p>
            <SecondaryButton>{t("debit.simulate")}</SecondaryButton>
          </form>
        )}
      </section>
    </CheckoutPage>
  );
}
