import { notFound, redirect } from "next/navigation";
import { secondaryLinkClass } from "@/components/checkout/buttons";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { OrderSummary } from "@/components/checkout/order-summary";
import { PaymentForm } from "@/components/checkout/payment-form";
import { OrderUnavailable } from "@/components/checkout/order-unavailable";
import { NotTakingPayments } from "@/components/checkout/unavailable";
import { offeredMethods } from "@/lib/checkout/form";
import { findLinkById } from "@/db/queries/checkout";
import { orderPath, safeHttpUrl, stepPath } from "@/lib/checkout/steps";
import { takesPayments } from "@/lib/http/checkout/context";
import { readFlash } from "@/lib/http/checkout/flash-cookie";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadOrderCheckout } from "@/lib/http/checkout/page";
import { formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { newToken } from "@/lib/core/ids";
import { linkUnavailableReason } from "@/lib/links/rules";
import { parseSource } from "@/lib/links/source";

export const generateMetadata = checkoutMetadata("order", "checkout");

// GET /o/{token}: an order's checkout (an API order, or a retry after a decline on a link's order), pre-filled
// with what the order knows of the customer. Paid orders show the receipt; one waiting on the buyer, its step.
export default async function OrderCheckoutPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ auto?: string; src?: string | string[] }> }) {
  const { token } = await params;
  const query = await searchParams;
  const auto = query.auto === "1";
  // Where the buyer came from (the order's email, its QR code…): recorded on the order when they pay.
  const source = parseSource(query.src);
  // This page's address, for the language switcher to come back to.
  const here = source ? `/o/${token}?src=${source}` : `/o/${token}`;
  const [loaded, flash, locale] = await Promise.all([loadOrderCheckout(token), readFlash(), checkoutLocale("order", token)]);
  if (!loaded) notFound();
  const { db, order, merchant, step } = loaded;
  if (step.kind === "paid" || step.kind === "action") redirect(stepPath(token, step));

  // A link's order stops taking payments when its link does (payOrder refuses it too).
  const link = order.paymentLinkId ? await findLinkById(db, order.paymentLinkId) : null;
  const reason = step.kind === "unavailable" ? step.reason : link && linkUnavailableReason(link) !== null ? "link_unavailable" : null;
  if (reason) {
    return (
      <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={here} redirectUrl={order.successUrl}>
        <OrderUnavailable reason={reason} merchantName={merchant.name} locale={locale} path={orderPath(token)} auto={auto} />
      </CheckoutPage>
    );
  }

  const amount = formatMoney(order.amount, order.currency, locale);
  if (!takesPayments(order.livemode)) {
    return (
      <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={here} redirectUrl={order.successUrl}>
        <OrderSummary itemName={order.itemName} description={order.description} amount={amount} />
        <NotTakingPayments cause="business" merchantName={merchant.name} locale={locale} />
      </CheckoutPage>
    );
  }
  const cancelUrl = safeHttpUrl(order.cancelUrl);
  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={here} redirectUrl={order.successUrl}>
      <OrderSummary itemName={order.itemName} description={order.description} amount={amount} />
      <PaymentForm
        action={source ? `/o/${token}/pay?src=${source}` : `/o/${token}/pay`}
        methods={offeredMethods(order.paymentMethods, order.currency, order.amount)}
        collectEmail={order.collectEmail}
        collectName={order.collectName}
        currency={order.currency}
        amount={amount}
        defaults={{ email: order.customerEmail, name: order.customerName }}
        flash={flash}
        submission={newToken()}
        merchantName={merchant.name}
        locale={locale}
      />
      {cancelUrl ? (
        <a href={cancelUrl} className={secondaryLinkClass}>
          {translator(locale, "checkout")("form.cancel", { merchant: merchant.name })}
        </a>
      ) : null}
    </CheckoutPage>
  );
}
