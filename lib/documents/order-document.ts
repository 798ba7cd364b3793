import type { Db } from "@/db/client";
import { findMerchantBrand } from "@/db/queries/checkout";
import { findOrder, findOrderByToken, findPayment } from "@/db/queries/orders";
import type { OrderRow, PaymentDetails } from "@/db/schema";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { getEnv } from "@/lib/core/env";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";
import type { OrderStatus } from "@/lib/core/statuses";
import { buyerLocale, configuredLocale, type Locale } from "@/lib/i18n/locales";
import { withSource } from "@/lib/links/source";
import { orderCheckoutUrl } from "@/lib/orders/serialize";

// What an order's invoice and receipt print, read in one place for the public /o/{token}/… routes, the API and
// the emails that attach them. Plain data: rendering (./pdf.ts) reads nothing more.

export interface OrderDocument {
  merchant: {
    name: string;
    /** `#rrggbb`. */
    brandColor: string;
    /** A remote http(s) URL (Settings): never fetched while rendering, so the documents print the name. */
    logoUrl: string | null;
  };
  order: {
    id: string;
    livemode: boolean;
    reference: string | null;
    status: OrderStatus;
    itemName: string;
    description: string | null;
    /** Minor units of `currency`. */
    amount: number;
    /** What was captured (a manual capture may take less than `amount`); null until paid. */
    amountCaptured: number | null;
    amountRefunded: number;
    currency: string;
    customerName: string | null;
    customerEmail: string | null;
    createdAt: Date;
    /** The invoice's due date: an unpaid order expires then. */
    expiresAt: Date;
    paidAt: Date | null;
  };
  /** The payment that paid the order; null while none has. */
  payment: { method: string; cardBrand: string | null; cardLast4: string | null; details: PaymentDetails | null } | null;
  /** The order's checkout URL, marked as reached from a PDF (`src=pdf`). */
  checkoutUrl: string;
  /** The language its buyer reads (the one they paid in, else the order's): what an emailed PDF speaks. */
  locale: Locale;
  /** What the order asks for (lib/http/checkout/locale.ts configuredLocale): a buyer's own download weighs it with their pick and browser. */
  configuredLocale: string;
}

/** The document of the order behind /o/{token}; null for a token that names none. URLs are on `appUrl`. */
export async function loadOrderDocumentByToken(db: Db, token: string, appUrl: string = getEnv().APP_URL): Promise<OrderDocument | null> {
  if (!isCheckoutToken(token)) return null;
  const order = await findOrderByToken(db, token);
  return order ? toOrderDocument(db, order, appUrl) : null;
}

/** The document of one of the merchant's orders in the scope's mode; null for an unknown id or another's order. */
export async function loadOrderDocumentById(db: Db, scope: MerchantScope, orderId: string, appUrl: string = getEnv().APP_URL): Promise<OrderDocument | null> {
  const order = await findOrder(db, scope, orderId);
  return order ? toOrderDocument(db, order, appUrl) : null;
}

async function toOrderDocument(db: Db, order: OrderRow, appUrl: string): Promise<OrderDocument | null> {
  const [merchant, payment] = await Promise.all([
    findMerchantBrand(db, order.merchantId),
    order.paymentId ? findPayment(db, scopeOf(order), order.paymentId) : null,
  ]);
  if (!merchant) return null;
  return {
    merchant,
    order: {
      id: order.id,
      livemode: order.livemode,
      reference: order.reference,
      status: order.status,
      itemName: order.itemName,
      description: order.description,
      amount: order.amount,
      amountCaptured: order.amountCaptured,
      amountRefunded: order.amountRefunded,
      currency: order.currency,
      customerName: order.customerName,
      customerEmail: order.customerEmail,
      createdAt: order.createdAt,
      expiresAt: order.expiresAt,
      paidAt: order.paidAt,
    },
    payment: payment ? { method: payment.method, cardBrand: payment.cardBrand, cardLast4: payment.cardLast4, details: payment.details } : null,
    checkoutUrl: withSource(orderCheckoutUrl(appUrl, order.token), "pdf"),
    locale: buyerLocale(order),
    configuredLocale: configuredLocale(order),
  };
}

/** A receipt exists once the order has been paid (and stays after a refund or a void). */
export function hasReceipt(document: OrderDocument): boolean {
  return document.order.paidAt !== null;
}

/** `invoice-A-1001.pdf`: the merchant's reference when it makes a safe file name, else the order id. */
export function documentFileName(kind: "invoice" | "receipt", document: OrderDocument): string {
  const reference = document.order.reference?.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 80);
  return `${kind}-${reference || document.order.id}.pdf`;
}
