import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CheckoutPage } from "@/components/checkout/checkout-page";
import { Receipt } from "@/components/checkout/receipt";
import { formatAmount, formatReceiptDate, paymentLabel } from "@/lib/checkout/display";
import { findLinkById } from "@/db/queries/checkout";
import { safeHttpUrl, stepPath } from "@/lib/checkout/steps";
import { loadOrderCheckout } from "@/lib/http/checkout/page";

export const metadata: Metadata = { title: "Payment successful", robots: { index: false, follow: false } };

// GET /o/{token}/complete: the receipt of a paid order (it stays reachable after refunds).
export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const loaded = await loadOrderCheckout(token);
  if (!loaded) notFound();
  const { db, order, payment, merchant, step } = loaded;
  if (step.kind !== "paid") redirect(stepPath(token, step));

  const link = order.paymentLinkId ? await findLinkById(db, order.paymentLinkId) : null;
  const message = link?.afterCompletionType === "message" ? link.afterCompletionMessage : null;
  const refundNote =
    order.status === "authorized"
      ? `Your payment is authorized: ${merchant.name} takes it when your order is confirmed, and releases anything not charged.`
      : order.status === "refunded"
      ? `${merchant.name} has refunded this payment.`
      : order.status === "partially_refunded"
        ? `${merchant.name} has refunded ${formatAmount(order.amountRefunded, order.currency)} of this payment.`
        : null;

  return (
    <CheckoutPage merchant={merchant} livemode={order.livemode} redirectUrl={order.successUrl}>
      <Receipt
        merchantName={merchant.name}
        itemName={order.itemName}
        amount={formatAmount(order.amountCaptured ?? order.amount, order.currency)}
        paidAt={formatReceiptDate(order.paidAt ?? order.updatedAt)}
        orderId={order.id}
        paymentMethod={payment ? paymentLabel(payment) : "—"}
        message={message}
        refundNote={refundNote}
        returnUrl={safeHttpUrl(order.successUrl)}
      />
    </CheckoutPage>
  );
}
