import { CheckoutPage } from "@/components/checkout/checkout-page";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { SimulatedStep } from "@/components/checkout/simulated-step";
import { cardLabel } from "@/lib/checkout/display";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadStepPage } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";

export const generateMetadata = checkoutMetadata("order", "authenticate");

// GET /o/{token}/authenticate: the simulated processor's 3-D Secure challenge, where a real card's bank would
// ask the buyer to confirm. Either answer posts to /o/{token}/action.
export default async function AuthenticatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ order, payment, merchant }, locale] = await Promise.all([loadStepPage(token, "authenticate"), checkoutLocale("order", token)]);
  const t = translator(locale, "checkout");

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/authenticate`} redirectUrl={order.successUrl}>
      <SimulatedStep
        token={token}
        step="authenticate"
        eyebrow={t("authenticate.eyebrow")}
        title={t("authenticate.title")}
        intro={t("authenticate.intro")}
        details={[
          [t("details.merchant"), merchant.name],
          [t("details.amount"), formatMoney(order.amount, order.currency, locale)],
          [t("details.card"), cardLabel(payment.cardBrand, payment.cardLast4, locale)],
        ]}
        approve={t("authenticate.approve")}
        decline={t("authenticate.decline")}
      />
    </CheckoutPage>
  );
}
