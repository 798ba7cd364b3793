import { notFound } from "next/navigation";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { OrderSummary } from "@/components/checkout/order-summary";
import { PaymentForm } from "@/components/checkout/payment-form";
import { NotTakingPayments } from "@/components/checkout/unavailable";
import { offeredMethods } from "@/lib/checkout/form";
import { findLinkByToken, findMerchantBrand } from "@/db/queries/checkout";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { takesPayments } from "@/lib/http/checkout/context";
import { readFlash } from "@/lib/http/checkout/flash-cookie";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { formatMoney } from "@/lib/i18n/format";
import { newToken } from "@/lib/core/ids";
import { linkUnavailableReason } from "@/lib/links/rules";
import { parseSource } from "@/lib/links/source";
import { isCurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString } from "@/lib/money/money";
import { recordLinkVisit } from "@/lib/services/record-link-visit";

export const generateMetadata = checkoutMetadata("link", "checkout");

// GET /l/{token}: a payment link's checkout. Each view counts one visit, except the view that follows a
// refused form post (it carries the flash): that buyer is still on the same visit.
async function findLinkWithBrand(db: Db, token: string) {
  const link = await findLinkByToken(db, token);
  const merchant = link && (await findMerchantBrand(db, link.merchantId));
  return link && merchant ? { link, merchant } : null;
}

export default async function LinkCheckoutPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ src?: string | string[] }> }) {
  const { token } = await params;
  if (!isCheckoutToken(token)) notFound();
  // Where the buyer came from (a QR code, an email…): counted with the visit, and carried on the form's action.
  const source = parseSource((await searchParams).src);
  // This page's address, for the language switcher to come back to.
  const here = source ? `/l/${token}?src=${source}` : `/l/${token}`;
  const flash = await readFlash();
  const db = await getDb();
  // The visit's one statement and the language's look-up side by side, not one after the other.
  const [found, locale] = await Promise.all([flash ? findLinkWithBrand(db, token) : recordLinkVisit(db, token, source), checkoutLocale("link", token)]);
  if (!found) notFound();
  const { link, merchant } = found;
  // Where paying may send the buyer: the page lets its form go there (see CheckoutPage).
  const redirectUrl = link.afterCompletionType === "redirect" ? link.afterCompletionUrl : null;

  if (linkUnavailableReason(link) !== null) {
    return (
      <CheckoutPage merchant={merchant} livemode={link.livemode} locale={locale} here={here} redirectUrl={redirectUrl}>
        <NotTakingPayments cause="link" merchantName={merchant.name} locale={locale} />
      </CheckoutPage>
    );
  }

  const amount = link.amount !== null ? formatMoney(link.amount, link.currency, locale) : null;
  if (!takesPayments(link.livemode)) {
    return (
      <CheckoutPage merchant={merchant} livemode={link.livemode} locale={locale} here={here} redirectUrl={redirectUrl}>
        <OrderSummary itemName={link.itemName} description={link.description} amount={amount} />
        <NotTakingPayments cause="business" merchantName={merchant.name} locale={locale} />
      </CheckoutPage>
    );
  }
  return (
    <CheckoutPage merchant={merchant} livemode={link.livemode} locale={locale} here={here} redirectUrl={redirectUrl}>
      <OrderSummary itemName={link.itemName} description={link.description} amount={amount} />
      <PaymentForm
        action={source ? `/l/${token}/pay?src=${source}` : `/l/${token}/pay`}
        methods={offeredMethods(link.paymentMethods, link.currency, link.amount)}
        collectEmail={link.collectEmail}
        collectName={link.collectName}
        currency={link.currency}
        amount={amount}
        customAmount={link.amount === null ? customAmountField(link) : null}
        defaults={{}}
        flash={flash}
        submission={newToken()}
        merchantName={merchant.name}
        locale={locale}
      />
    </CheckoutPage>
  );
}

function customAmountField(link: { currency: string; customAmountMinimum: number | null; customAmountMaximum: number | null; customAmountPreset: number | null }) {
  const { currency, customAmountMinimum: minimum, customAmountMaximum: maximum, customAmountPreset: preset } = link;
  // The field's value is typed back as it is posted (a dot for decimals): not worded for the page.
  return { preset: preset !== null && isCurrencyCode(currency) ? minorToDecimalString(preset, currency) : "", minimum, maximum };
}
