import { CheckoutPage } from "@/components/checkout/checkout-page";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { SimulatedStep } from "@/components/checkout/simulated-step";
import { methodLabel } from "@/lib/checkout/display";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadStepPage } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";

export const generateMetadata = checkoutMetadata("order", "wallet");

// GET /o/{token}/wallet: the simulated wallet (Alipay, WeChat Pay, Apple Pay, Google Pay) where the buyer
// approves or declines the payment. Either answer posts to /o/{token}/action.
export default async function WalletPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ order, payment, merchant }, locale] = await Promise.all([loadStepPage(token, "wallet"), checkoutLocale("order", token)]);
  const t = translator(locale, "checkout");
  const wallet = methodLabel(payment.method, locale);

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/wallet`} redirectUrl={order.successUrl}>
      <SimulatedStep
        token={token}
        step="wallet"
        eyebrow={t("wallet.eyebrow")}
        title={t("wallet.title", { wallet })}
        intro={t("wallet.intro", { merchant: merchant.name, wallet })}
        details={[
          [t("details.merchant"), merchant.name],
          [t("details.item"), order.itemName],
          [t("details.amount"), formatMoney(order.amount, order.currency, locale)],
        ]}
        approve={t("wallet.approve")}
        decline={t("wallet.decline")}
      />
    </CheckoutPage>
  );
}
