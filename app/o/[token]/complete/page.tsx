import { notFound, redirect } from "next/navigation";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { checkoutMetadata } from "@/components/checkout/metadata";
import { Receipt } from "@/components/checkout/receipt";
import { paymentLabel } from "@/lib/checkout/display";
import { findLinkById } from "@/db/queries/checkout";
import { safeHttpUrl, stepPath } from "@/lib/checkout/steps";
import { DEFAULT_AFTER_PAYMENT_MESSAGE } from "@/lib/links/rules";
import { checkoutLocale } from "@/lib/http/checkout/locale";
import { loadOrderCheckout } from "@/lib/http/checkout/page";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";

export const generateMetadata = checkoutMetadata("order", "complete");

// GET /o/{token}/complete: the receipt of a paid order (it stays reachable after refunds).
export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [loaded, locale] = await Promise.all([loadOrderCheckout(token), checkoutLocale("order", token)]);
  if (!loaded) notFound();
  const { db, order, payment, merchant, step } = loaded;
  if (step.kind !== "paid") redirect(stepPath(token, step));

  const t = translator(locale, "checkout");
  const link = order.paymentLinkId ? await findLinkById(db, order.paymentLinkId) : null;
  // The merchant's words as written; the default Paylink wrote for a merchant who wrote none, in the buyer's.
  const written = link?.afterCompletionType === "message" ? link.afterCompletionMessage : null;
  const message = written === DEFAULT_AFTER_PAYMENT_MESSAGE ? translator(locale, "checkout")("receipt.defaultMessage") : written;
  const refundNote =
    order.status === "authorized"
      ? t("receipt.authorized", { merchant: merchant.name })
      : order.status === "refunded"
        ? t("receipt.refunded", { merchant: merchant.name })
        : order.status === "partially_refunded"
          ? t("receipt.partiallyRefunded", { merchant: merchant.name, amount: formatMoney(order.amountRefunded, order.currency, locale) })
          : null;

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} locale={locale} here={`/o/${token}/complete`} redirectUrl={order.successUrl}>
      <Receipt
        merchantName={merchant.name}
        itemName={order.itemName}
        amount={formatMoney(order.amountCaptured ?? order.amount, order.currency, locale)}
        paidAt={formatDate(order.paidAt ?? order.updatedAt, "dateTime", locale)}
        orderId={order.id}
        paymentMethod={payment ? paymentLabel(payment, locale) : t("paymentLabel.none")}
        message={message}
        refundNote={refundNote}
        returnUrl={safeHttpUrl(order.successUrl)}
        locale={locale}
      />
    </CheckoutPage>
  );
}
