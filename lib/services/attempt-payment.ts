import { insertReturning } from "@/db/built-once";
import type { BuyerAction, PendingAction } from "@/lib/processor/connector";
import { methodAvailable } from "@/lib/payments/methods";
import type { Db } from "@/db/client";
import { findMerchantName } from "@/db/queries/checkout";
import { countProcessingOrdersForLink } from "@/db/queries/orders";
import { payments, type OrderRow, type PaymentLinkRow, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";
import { linkUnavailableReason } from "@/lib/links/rules";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import { STARTING_STATUS } from "@/lib/payments/attempt-machine";
import { changeOrder } from "./order-changes";
import { requireConnector, type PaymentContext } from "./payment-context";

// A payment attempt in three steps, the way payment orchestrators run one (Hyperswitch: get-tracker → call
// connector → update-tracker), so no lock is held while a processor thinks:
//   1. reserve (this file): in the caller's transaction, with the link's or order's row lock, check what may
//      be paid, write the attempt as `authorizing` and the order as `processing` (which holds a seat of a
//      `max_payments` link), and commit;
//   2. call the connector with the attempt's id as its idempotency key, no transaction open
//      (authorize-payment.ts);
//   3. record its answer in a second transaction (record-authorization.ts).
// A crash between 1 and 3 leaves an `authorizing` attempt that the recovery sweep settles by asking the
// connector what became of it (recover-authorizations.ts).

export type PayOutcome =
  | { kind: "paid"; order: OrderRow; payment: PaymentRow }
  | { kind: "authorized"; order: OrderRow; payment: PaymentRow }
  | { kind: "declined"; order: OrderRow; payment: PaymentRow; message: string }
  | { kind: "requires_action"; order: OrderRow; payment: PaymentRow; action: BuyerAction }
  | { kind: "pending"; order: OrderRow; payment: PaymentRow; action: PendingAction }
  /** The processor has not answered (yet): the order page says the payment is processing. */
  | { kind: "processing"; order: OrderRow; payment: PaymentRow };

/** A committed `authorizing` attempt, waiting for its connector call. */
export interface Reservation {
  scope: MerchantScope;
  paymentId: string;
  orderId: string;
}

/**
 * A reservation with what its transaction wrote and read: the order (now `processing`), the attempt, and the
 * merchant's name (the descriptor the processor shows) — so the request that made it calls the connector
 * without reading them back (authorizeReserved's `written`). Only the ids are ever stored.
 */
export interface WrittenReservation extends Reservation {
  order: OrderRow;
  payment: PaymentRow;
  merchantName: string;
}

/** The ids alone: what a submission stores (oncePerSubmission), and what a twin or the sweep starts from. */
export function reservationIds({ scope, paymentId, orderId }: Reservation): Reservation {
  return { scope, paymentId, orderId };
}

const LINK_UNAVAILABLE = "This payment link is no longer available.";

export async function requireLinkCapacity(tx: Db, link: PaymentLinkRow, exceptOrderId?: string) {
  const inFlight = link.maxPayments === null ? 0 : await countProcessingOrdersForLink(tx, scopeOf(link), link.id, exceptOrderId);
  if (linkUnavailableReason({ ...link, payCount: link.payCount + inFlight }) !== null) {
    throw new AppError("payment_link_inactive", LINK_UNAVAILABLE);
  }
}

// Built once (db/built-once.ts): every payment attempt runs it.
const insertAttempt = insertReturning("insert_payment_attempt", payments, ["id", "orderId", "merchantId", "livemode", "method", "processor", "status", "cardBrand", "cardLast4", "details"]);

/**
 * Step 1: writes the attempt as `authorizing` on an open order the caller has locked, and moves the order to
 * `processing` (`order.processing`) with the buyer's details. Nothing is asked of the processor here. The
 * attempt, the order's update and the read of the merchant's name go to the server together.
 */
export async function reserveAttempt(tx: Db, paymentContext: PaymentContext, order: OrderRow, buyer: BuyerPayment): Promise<WrittenReservation> {
  if (order.status !== "open") throw new AppError("order_not_payable", order.status === "processing" ? "A payment for this order is already under way." : `This order is ${order.status}.`);
  if (!order.paymentMethods.includes(buyer.method) || !methodAvailable(buyer.method, order.currency, order.amount)) {
    throw new AppError("parameter_invalid", "Choose a payment method.", { param: "method" });
  }

  // Chosen for this payment (its mode and method) and recorded on it: every later step goes to the connector named here.
  const connector = requireConnector(paymentContext.processors, { livemode: order.livemode, method: buyer.method });
  const inserted = insertAttempt(tx)
    .execute({
      id: newId("payment"),
      orderId: order.id,
      merchantId: order.merchantId,
      livemode: order.livemode,
      method: buyer.method,
      processor: connector.name,
      status: STARTING_STATUS,
      // Only what may be kept of a card: its brand and last four digits, known before the processor answers.
      cardBrand: buyer.card?.brand ?? null,
      cardLast4: buyer.card?.last4 ?? null,
      // Of a debited account, its country and last four; of a bank page, the bank the buyer picks later.
      details: buyer.sepa ? { iban_country: buyer.sepa.country, iban_last4: buyer.sepa.last4 } : null,
    })
    .then(([row]) => row!);
  const merchantName = findMerchantName(tx, order.merchantId);
  const [{ order: processing }, payment, named] = await Promise.all([
    changeOrder(tx, paymentContext.appUrl, order, {
      transition: "payment_submitted",
      // An order keeps the source of the first checkout URL its buyer paid from.
      set: { attempts: order.attempts + 1, source: order.source ?? buyer.source ?? null, buyerLocale: buyer.locale ?? order.buyerLocale, customerEmail: buyer.email ?? order.customerEmail, customerName: buyer.name ?? order.customerName },
      event: "order.processing",
      shown: inserted,
    }),
    inserted,
    merchantName,
  ]);
  return { scope: scopeOf(order), paymentId: payment.id, orderId: order.id, order: processing, payment, merchantName: named };
}
