import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { displayPayment } from "@/db/queries/orders";
import { orders, type OrderRow, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { recordEvent, type EventType } from "@/lib/events/record-event";
import { nextStatus, type OrderTransition } from "@/lib/orders/state-machine";
import { toOrderObject, type OrderObject } from "@/lib/orders/serialize";
import { scopeOf } from "@/lib/core/scope";
import { countPaymentOnLink } from "./link-funnel";
import { queueMessage, type NewMessage } from "./queue-message";
import { receiptToQueue } from "./queue-receipt";
import type { PaymentContext } from "./payment-context";

// Internal to the order services: the one place an order row is changed, always together with its event.

export type OrderPatch = Partial<Omit<typeof orders.$inferInsert, "id" | "merchantId" | "livemode" | "status">>;

/**
 * Applies a status transition (checked against the state machine) and other column changes to a locked
 * order, and writes the event — in the caller's transaction. `shown` is the payment the changed order shows
 * (displayPayment: the one that paid it, else its latest attempt) when the caller is writing it: the write
 * may still be on its way (a promise of the row), so that it travels to the server with the order's update,
 * and the event's object is built without reading the payment back.
 */
export async function changeOrder(
  tx: Db,
  appUrl: string,
  order: OrderRow,
  change: { transition?: OrderTransition; fullyRefunded?: boolean; set?: OrderPatch; event: EventType; notAllowed?: AppError; shown?: PaymentRow | Promise<PaymentRow> },
): Promise<{ order: OrderRow; object: OrderObject }> {
  // Awaited below; a refusal thrown before then must not leave the caller's write unobserved.
  const shownWrite = Promise.resolve(change.shown);
  shownWrite.catch(() => {});
  let status = order.status;
  if (change.transition) {
    const next = nextStatus(order.status, change.transition, { fullyRefunded: change.fullyRefunded ?? false });
    if (next === null) throw change.notAllowed ?? new AppError("order_not_payable", `The order is ${order.status}.`);
    status = next;
  }
  const [[updated], written] = await Promise.all([
    tx
      .update(orders)
      .set({ ...change.set, status, updatedAt: sql`now()` })
      .where(eq(orders.id, order.id))
      .returning(),
    shownWrite,
  ]);
  const shown = written && written.orderId === order.id && (updated!.paymentId ?? written.id) === written.id ? written : await displayPayment(tx, scopeOf(order), updated!);
  const object = toOrderObject(updated!, shown, appUrl);
  await recordEvent(tx, scopeOf(order), change.event, object);
  return { order: updated!, object };
}

/**
 * What follows an order becoming paid, in the same transaction: its link's stats and funnel, and the receipt
 * (`receipt`: what receiptToQueue answered, when the caller read it beside the order's update).
 */
export async function recordOrderPaid(tx: Db, paymentContext: Pick<PaymentContext, "sendMaxPerHour">, paid: OrderRow, receipt?: NewMessage | null): Promise<void> {
  // Whether a receipt goes is read first, while the link's row stays unlocked (counting the payment locks it
  // until the commit, and every visit and buyer of the link waits on that); then the receipt and the count
  // are written in one round trip.
  if (receipt === undefined) receipt = await receiptToQueue(tx, paid, paymentContext.sendMaxPerHour);
  await Promise.all([receipt ? queueMessage(tx, receipt) : null, countPaymentOnLink(tx, paid)]);
}
