import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { OrderSummary } from "@/components/checkout/order-summary";
import { PaymentForm } from "@/components/checkout/payment-form";
import { LINK_UNAVAILABLE, NotAcceptingPayments, Unavailable } from "@/components/checkout/unavailable";
import { formatAmount } from "@/lib/checkout/display";
import { offeredMethods } from "@/lib/checkout/form";
import { findLinkByToken, findMerchantBrand } from "@/db/queries/checkout";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { takesPayments } from "@/lib/http/checkout/context";
import { readFlash } from "@/lib/http/checkout/flash-cookie";
import { newToken } from "@/lib/core/ids";
import { linkUnavailableReason } from "@/lib/links/rules";
import { parseSource } from "@/lib/links/source";
import { isCurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString } from "@/lib/money/money";
import { recordLinkVisit } from "@/lib/services/record-link-visit";

export const metadata: Metadata = { title: "Checkout", robots: { index: false, follow: false } };

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
  const flash = await readFlash();
  const db = await getDb();
  const found = flash ? await findLinkWithBrand(db, token) : await recordLinkVisit(db, token, source);
  if (!found) notFound();
  const { link, merchant } = found;
  // Where paying may send the buyer: the page lets its form go there (see CheckoutPage).
  const redirectUrl = link.afterCompletionType === "redirect" ? link.afterCompletionUrl : null;

  if (linkUnavailableReason(link) !== null) {
    return (
      <CheckoutPage merchant={merchant} livemode={link.livemode} redirectUrl={redirectUrl}>
        <Unavailable title={LINK_UNAVAILABLE}>
          <p>{merchant.name} is not taking payments through this link any more.</p>
          <p>If you still want to pay, ask {merchant.name} for a new link.</p>
        </Unavailable>
      </CheckoutPage>
    );
  }

  const amount = link.amount !== null ? formatAmount(link.amount, link.currency) : null;
  if (!takesPayments(link.livemode)) {
    return (
      <CheckoutPage merchant={merchant} livemode={link.livemode} redirectUrl={redirectUrl}>
        <OrderSummary itemName={link.itemName} description={link.description} amount={amount} />
        <NotAcceptingPayments merchantName={merchant.name} />
      </CheckoutPage>
    );
  }
  return (
    <CheckoutPage merchant={merchant} livemode={link.livemode} redirectUrl={redirectUrl}>
      <OrderSummary itemName={link.itemName} description={link.description} amount={amount} />
      <PaymentForm
        action={source ? `/l/${token}/pay?src=${source}` : `/l/${token}/pay`}
        methods={offeredMethods(link.paymentMethods, link.currency, link.amount)}
        collectEmail={link.collectEmail}
        collectName={link.collectName}
        amount={amount}
        customAmount={link.amount === null ? customAmountField(link) : null}
        defaults={{}}
        flash={flash}
        submission={newToken()}
        merchantName={merchant.name}
      />
    </CheckoutPage>
  );
}

function customAmountField(link: { currency: string; customAmountMinimum: number | null; customAmountMaximum: number | null; customAmountPreset: number | null }) {
  const { currency, customAmountMinimum: min, customAmountMaximum: max, customAmountPreset: preset } = link;
  const bounds =
    min !== null && max !== null
      ? `between ${formatAmount(min, currency)} and ${formatAmount(max, currency)}`
      : min !== null
        ? `at least ${formatAmount(min, currency)}`
        : max !== null
          ? `at most ${formatAmount(max, currency)}`
          : null;
  return {
    preset: preset !== null && isCurrencyCode(currency) ? minorToDecimalString(preset, currency) : "",
    hint: `Enter the amount you want to pay in ${currency}${bounds ? `, ${bounds}` : ""}.`,
  };
}
