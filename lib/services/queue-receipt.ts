import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchants, messages, type OrderRow, type PaymentRow } from "@/db/schema";
import { idFloor } from "@/lib/core/ids";
import { paymentLabel } from "@/lib/checkout/display";
import { scopeOf } from "@/lib/core/scope";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { buyerLocale } from "@/lib/i18n/locales";
import { renderEmail } from "@/lib/messaging/render";
import { receiptEmail } from "@/lib/messaging/templates/buyer";
import { queueMessage } from "./queue-message";

/**
 * The buyer's receipt email, queued in the transaction that records the order paid — when the buyer's email
 * is known and the merchant has not turned receipts off (Settings). The worker attaches the receipt PDF when
 * it sends it (send-message.ts). Rendering is CPU only: nothing here waits on the network.
 */
export async function queueReceipt(tx: Db, paid: OrderRow, payment: PaymentRow, sendMaxPerHour: number): Promise<void> {
  if (!paid.customerEmail || !paid.paidAt) return;
  const [merchant] = await tx
    .select({ name: merchants.name, color: merchants.brandColor, logoUrl: merchants.logoUrl, sendReceipts: merchants.sendReceipts })
    .from(merchants)
    .where(eq(merchants.id, paid.merchantId));
  if (!merchant?.sendReceipts) return;
  // Anyone can pay a test link with a test card and type any address: test-mode receipts count against the
  // business's hourly sending allowance, so a test checkout cannot be used to mail strangers at will. (Live
  // receipts follow real payments.) Counted in this transaction: no other connection is waited on.
  if (!paid.livemode && (await recentTestReceipts(tx, paid.merchantId)) >= sendMaxPerHour) return;
  const locale = buyerLocale(paid);
  const email = receiptEmail(
    {
      merchant,
      itemName: paid.itemName,
      amount: formatMoney(paid.amountCaptured ?? paid.amount, paid.currency, locale),
      paidAt: formatDate(paid.paidAt, "dateTime", locale),
      method: paymentLabel({ ...payment, details: payment.details as { bank?: string; iban_last4?: string } | null }, locale),
      orderId: paid.id,
      reference: paid.reference,
    },
    locale,
  );
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

async function recentTestReceipts(tx: Db, merchantId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.merchantId, merchantId), eq(messages.livemode, false), eq(messages.kind, "receipt"), gt(messages.id, idFloor("message", Date.now() - 3_600_000))));
  return row?.n ?? 0;
}
