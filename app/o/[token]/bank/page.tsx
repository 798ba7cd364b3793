import { CheckoutPage } from "@/components/checkout/checkout-page";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { SimulatedStep } from "@/components/checkout/simulated-step";
import { methodLabel } from "@/lib/checkout/display";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadStepPage } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { isPaymentMethod, METHOD_RULES } from "@/lib/payments/methods";

export const generateMetadata = checkoutMetadata("order", "bank");

// GET /o/{token}/bank: the simulated bank page an iDEAL, Bancontact or FPX payment redirects the buyer to. The
// buyer picks their bank, then approves or fails the payment there; both answers post to /o/{token}/action.
export default async function BankPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ order, payment, merchant }, locale] = await Promise.all([loadStepPage(token, "bank"), checkoutLocale("order", token)]);
  const t = translator(locale, "checkout");
  const method = methodLabel(payment.method, locale);
  const banks = isPaymentMethod(payment.method) ? (METHOD_RULES[payment.method].banks ?? []) : [];

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/bank`} redirectUrl={order.successUrl}>
      <SimulatedStep
        token={token}
        step="bank"
        eyebrow={t("bank.eyebrow", { method })}
        title={t("bank.title", { method })}
        intro={t("bank.intro", { merchant: merchant.name })}
        details={[
          [t("details.merchant"), merchant.name],
          [t("details.item"), order.itemName],
          [t("details.amount"), formatMoney(order.amount, order.currency, locale)],
        ]}
        choices={
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium text-slate-900">{t("bank.yourBank")}</legend>
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
        approve={t("bank.approve")}
        decline={t("bank.decline")}
      />
    </CheckoutPage>
  );
}
