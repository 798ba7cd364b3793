import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchants, type OrderRow, type PaymentRow } from "@/db/schema";
import { formatAmount, formatReceiptDate, paymentLabel } from "@/lib/checkout/display";
import { scopeOf } from "@/lib/core/scope";
import { renderEmail } from "@/lib/messaging/render";
import { receiptEmail } from "@/lib/messaging/templates/buyer";
import { queueMessage } from "./queue-message";

/**
 * The buyer's receipt email, queued in the transaction that records the order paid — when the buyer's email
 * is known and the merchant has not turned receipts off (Settings). The worker attaches the receipt PDF when
 * it sends it (send-message.ts). Rendering is CPU only: nothing here waits on the network.
 */
export async function queueReceipt(tx: Db, paid: OrderRow, payment: PaymentRow): Promise<void> {
  if (!paid.customerEmail || !paid.paidAt) return;
  const [merchant] = await tx
    .select({ name: merchants.name, color: merchants.brandColor, logoUrl: merchants.logoUrl, sendReceipts: merchants.sendReceipts })
    .from(merchants)
    .where(eq(merchants.id, paid.merchantId));
  if (!merchant?.sendReceipts) return;
  const email = receiptEmail({
    merchant,
    itemName: paid.itemName,
    amount: formatAmount(paid.amountCaptured ?? paid.amount, paid.currency),
    paidAt: formatReceiptDate(paid.paidAt),
    method: paymentLabel({ ...payment, details: payment.details as { bank?: string; iban_last4?: string } | null }),
    orderId: paid.id,
    reference: paid.reference,
  });
  const { html, text } = await renderEmail(email.element);
  await queueMessage(tx, {
    scope: scopeOf(paid),
    channel: "email",
    kind: "receipt",
    to: paid.customerEmail,
    paymentLinkId: paid.paymentLinkId,
    orderId: paid.id,
    subject: email.subject,
    html,
    text,
  });
}
