import { z } from "zod";
import type { Db } from "@/db/client";
import { findMerchantBrand } from "@/db/queries/checkout";
import { findOrder } from "@/db/queries/orders";
import { findPaymentLink } from "@/db/queries/payment-links";
import type { OrderRow, PaymentLinkRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { ServiceContext } from "@/lib/core/scope";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { buyerLocale, DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import type { MessageChannel } from "@/lib/core/statuses";
import { linkUnavailableReason } from "@/lib/links/rules";
import { checkoutUrl } from "@/lib/links/serialize";
import { withSource } from "@/lib/links/source";
import { sendRequestSchema } from "@/lib/messaging/schemas";
import { toMessageObject, type MessageObject } from "@/lib/messaging/serialize";
import { renderEmail } from "@/lib/messaging/render";
import { paymentRequestEmail, paymentRequestSms, type RequestContent } from "@/lib/messaging/templates/buyer";
import { orderCheckoutUrl } from "@/lib/orders/serialize";
import { requireTakesPayments, type PaymentContext } from "./payment-context";
import { queueMessage } from "./queue-message";

// A merchant sends a link or an order to a buyer by email or SMS (API.md, "Messages"): checked, rendered and
// queued in one transaction; the worker sends it (send-message.ts). The checkout URL inside carries
// `src=email` or `src=sms`, so the link's funnel shows what the message brought.

/** The merchant and mode, and the processors (a live link is only sent once live mode takes payments). */
export type SendContext = ServiceContext & Pick<PaymentContext, "processors">;

const emailAddress = z.email();
/** E.164: a plus, a country code that does not start with 0, up to 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/** The recipient as it will be stored, or a 400 naming `to`. */
export function checkRecipient(channel: MessageChannel, raw: string): string {
  const to = raw.trim();
  if (channel === "email") {
    if (to.length <= 254 && emailAddress.safeParse(to).success) return to;
    throw new AppError("parameter_invalid", "Must be a valid email address, like buyer@example.com.", { param: "to" });
  }
  // People write numbers with spaces, dashes and brackets; the stored form is bare E.164.
  const compact = to.replace(/[\s().-]/g, "");
  if (E164.test(compact)) return compact;
  throw new AppError("parameter_invalid", "Must be a phone number in E.164 form, like +46701234567.", { param: "to" });
}

async function brandOf(db: Db, merchantId: string) {
  const brand = await findMerchantBrand(db, merchantId);
  if (!brand) throw new AppError("resource_missing", "No such merchant.");
  return { name: brand.name, color: brand.brandColor, logoUrl: brand.logoUrl };
}

async function queueRequest(
  db: Db,
  ctx: ServiceContext,
  input: { channel: MessageChannel; to: string },
  about: { paymentLinkId: string | null; orderId: string | null },
  content: RequestContent,
  locale: Locale,
): Promise<MessageObject> {
  const email = input.channel === "email" ? paymentRequestEmail(content, locale) : null;
  const rendered = email ? await renderEmail(email.element) : null;
  const row = await db.transaction((tx) =>
    queueMessage(tx, {
      scope: ctx,
      channel: input.channel,
      kind: "payment_request",
      to: input.to,
      ...about,
      subject: email?.subject ?? null,
      html: rendered?.html ?? null,
      text: rendered?.text ?? paymentRequestSms(content, locale),
    }),
  );
  return toMessageObject(row);
}

/** Sends a payment link: 409 `payment_link_inactive` when it takes no payments (inactive, expired, sold out). */
export async function sendPaymentLink(db: Db, ctx: SendContext, linkId: string, body: unknown): Promise<MessageObject> {
  const params = sendRequestSchema.parse(body);
  const link: PaymentLinkRow | null = await findPaymentLink(db, ctx, linkId);
  if (!link) throw new AppError("resource_missing", `No such payment link: '${linkId}'.`, { param: "id" });
  const to = checkRecipient(params.channel, params.to);
  if (linkUnavailableReason(link) !== null) throw new AppError("payment_link_inactive", "This payment link takes no payments now: activate it (or extend it) before sending it.");
  // Sent before live mode has a processor, it would take the buyer to a checkout that cannot take their money.
  requireTakesPayments(ctx.processors, link.livemode);
  const locale = isLocale(link.locale) ? link.locale : DEFAULT_LOCALE;
  return queueRequest(
    db,
    ctx,
    { channel: params.channel, to },
    { paymentLinkId: link.id, orderId: null },
    {
      merchant: await brandOf(db, link.merchantId),
      itemName: link.itemName,
      description: link.description,
      amount: link.amount !== null ? formatMoney(link.amount, link.currency, locale) : null,
      url: withSource(checkoutUrl(ctx.appUrl, link.token), params.channel),
      due: null,
      reference: null,
    },
    locale,
  );
}

function notPayableMessage(order: OrderRow): string {
  if (order.status === "open") return "This order has expired.";
  if (order.status === "processing") return "A payment for this order is under way: send it again if that payment fails.";
  return `This order is ${order.status}: there is nothing to pay.`;
}

/** Whether an order can still be paid by a buyer it is sent to. */
function payable(order: OrderRow, now = new Date()): boolean {
  return order.status === "open" && order.expiresAt > now;
}

/** Sends an order (its email attaches the invoice PDF): 409 `order_not_payable` once paid, closed or expired. */
export async function sendOrder(db: Db, ctx: SendContext, orderId: string, body: unknown): Promise<MessageObject> {
  const params = sendRequestSchema.parse(body);
  const order = await findOrder(db, ctx, orderId);
  if (!order) throw new AppError("resource_missing", `No such order: '${orderId}'.`, { param: "id" });
  const to = checkRecipient(params.channel, params.to);
  if (!payable(order)) throw new AppError("order_not_payable", notPayableMessage(order));
  requireTakesPayments(ctx.processors, order.livemode);
  const locale = buyerLocale(order);
  return queueRequest(
    db,
    ctx,
    { channel: params.channel, to },
    { paymentLinkId: order.paymentLinkId, orderId: order.id },
    {
      merchant: await brandOf(db, order.merchantId),
      itemName: order.itemName,
      description: order.description,
      amount: formatMoney(order.amount, order.currency, locale),
      url: withSource(orderCheckoutUrl(ctx.appUrl, order.token), params.channel),
      due: formatDate(order.expiresAt, "dateTime", locale),
      reference: order.reference,
    },
    locale,
  );
}
