import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchants, messages, type OrderRow } from "@/db/schema";
import { idFloor } from "@/lib/core/ids";
import { paymentLabel } from "@/lib/checkout/display";
import { scopeOf } from "@/lib/core/scope";
import type { OrderDocument } from "@/lib/documents/order-document";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { buyerLocale } from "@/lib/i18n/locales";
import { renderEmail } from "@/lib/messaging/render";
import { receiptEmail, receiptSubject } from "@/lib/messaging/templates/buyer";
import type { NewMessage } from "./queue-message";

/**
 * The buyer's receipt email, to be queued in the transaction that records the order paid (recordOrderPaid) —
 * when the buyer's email is known and the merchant has not turned receipts off (Settings); null when none
 * goes. Only the message row (with its subject) and its job are written: the worker renders the email from the
 * paid order when it sends it (renderReceipt, in send-message.ts), with the receipt PDF, so rendering never
 * holds the payment's transaction nor the buyer's request.
 */
export async function receiptToQueue(tx: Db, paid: OrderRow, sendMaxPerHour: number): Promise<NewMessage | null> {
  if (!paid.customerEmail || !paid.paidAt) return null;
  // Anyone can pay a test link with a test card and type any address: test-mode receipts count against the
  // business's hourly sending allowance, so a test checkout cannot be used to mail strangers at will. (Live
  // receipts follow real payments.) Counted in this transaction, in the statement that reads the merchant's
  // setting, and only as far as the allowance: no other connection is waited on.
  const recent = paid.livemode
    ? sql<number>`0`
    : sql<number>`(select ${count()} from (select 1 from ${messages}
        where ${and(eq(messages.merchantId, paid.merchantId), eq(messages.livemode, false), eq(messages.kind, "receipt"), gt(messages.id, idFloor("message", Date.now() - 3_600_000)))}
        limit ${sendMaxPerHour}) as recent)`;
  const [merchant] = await tx
    .select({ name: merchants.name, sendReceipts: merchants.sendReceipts, recent: recent.mapWith(Number) })
    .from(merchants)
    .where(eq(merchants.id, paid.merchantId));
  if (!merchant?.sendReceipts || merchant.recent >= sendMaxPerHour) return null;
  const locale = buyerLocale(paid);
  return {
    scope: scopeOf(paid),
    channel: "email",
    kind: "receipt",
    to: paid.customerEmail,
    paymentLinkId: paid.paymentLinkId,
    orderId: paid.id,
    subject: receiptSubject({ merchant: merchant.name, itemName: paid.itemName, amount: formatMoney(paid.amountCaptured ?? paid.amount, paid.currency, locale) }, locale),
    html: null,
    text: "",
  };
}

/** A queued receipt's content, rendered by the worker from the paid order as it is when it is sent. */
export async function renderReceipt(doc: OrderDocument): Promise<{ subject: string; html: string; text: string }> {
  const { order, payment, locale } = doc;
  const email = receiptEmail(
    {
      merchant: { name: doc.merchant.name, color: doc.merchant.brandColor, logoUrl: doc.merchant.logoUrl },
      itemName: order.itemName,
      amount: formatMoney(order.amountCaptured ?? order.amount, order.currency, locale),
      paidAt: formatDate(order.paidAt ?? order.createdAt, "dateTime", locale),
      method: payment ? paymentLabel({ ...payment, details: payment.details as { bank?: string; iban_last4?: string } | null }, locale) : "",
      orderId: order.id,
      reference: order.reference,
    },
    locale,
  );
  return { subject: email.subject, ...(await renderEmail(email.element)) };
}
