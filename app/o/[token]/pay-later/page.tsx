import { CheckoutPage } from "@/components/checkout/checkout-page";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { SimulatedStep } from "@/components/checkout/simulated-step";
import { instalments, methodLabel } from "@/lib/checkout/display";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadStepPage } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";

export const generateMetadata = checkoutMetadata("order", "payLater");

const INSTALMENTS = 3;

// GET /o/{token}/pay-later: the simulated Klarna page: the buyer sees the instalment plan, then approves it
// or declines; both answers post to /o/{token}/action.
export default async function PayLaterPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ order, payment, merchant }, locale] = await Promise.all([loadStepPage(token, "pay-later"), checkoutLocale("order", token)]);
  const t = translator(locale, "checkout");
  const provider = methodLabel(payment.method, locale);
  const plan = instalments(order.amount, INSTALMENTS);
  const money = (minor: number) => formatMoney(minor, order.currency, locale);

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/pay-later`} redirectUrl={order.successUrl}>
      <SimulatedStep
        token={token}
        step="pay-later"
        eyebrow={t("payLater.eyebrow", { provider })}
        title={t("payLater.title", { count: INSTALMENTS })}
        intro={t("payLater.intro", { merchant: merchant.name, provider, amount: money(order.amount), count: INSTALMENTS })}
        details={plan.map((minor, i) => [i === 0 ? t("payLater.today") : t("payLater.inDays", { days: i * 30 }), money(minor)])}
        approve={t("payLater.approve")}
        decline={t("payLater.decline")}
      />
    </CheckoutPage>
  );
}
