import type { Db } from "@/db/client";
import type { MessageRow } from "@/db/schema";
import { documentFileName, hasReceipt, loadOrderDocumentById, type OrderDocument } from "@/lib/documents/order-document";
import { renderOrderPdf } from "@/lib/documents/pdf";
import type { EmailAttachment } from "@/lib/messaging/email-transport";

/** The order document a buyer email is about, read in the message's own merchant and mode, as it is now; null for none. */
export async function messageDocument(db: Db, message: MessageRow, appUrl: string): Promise<OrderDocument | null> {
  if (!message.orderId || !message.merchantId) return null;
  return loadOrderDocumentById(db, { merchantId: message.merchantId, livemode: message.livemode }, message.orderId, appUrl);
}

/**
 * The PDFs an email carries: an order's payment request its invoice, a receipt the receipt. A link's request
 * and the account emails carry none. `loaded` is the message's document when the caller has read it already.
 */
export async function attachmentsFor(db: Db, message: MessageRow, appUrl: string, loaded?: OrderDocument | null): Promise<EmailAttachment[]> {
  if (!message.orderId || !message.merchantId) return [];
  const kind = message.kind === "payment_request" ? "invoice" : message.kind === "receipt" ? "receipt" : null;
  if (!kind) return [];
  const doc = loaded === undefined ? await messageDocument(db, message, appUrl) : loaded;
  if (!doc || (kind === "receipt" && !hasReceipt(doc))) return [];
  return [{ filename: documentFileName(kind, doc), contentType: "application/pdf", content: await renderOrderPdf(kind, doc, doc.locale) }];
}
