import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { displayPayment } from "@/db/queries/orders";
import { orders, paymentLinks, type OrderRow, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { recordEvent, type EventType } from "@/lib/events/record-event";
import { nextStatus, type OrderTransition } from "@/lib/orders/state-machine";
import { toOrderObject, type OrderObject } from "@/lib/orders/serialize";
import { scopeOf } from "@/lib/core/scope";
import { countPaymentOnSource } from "./link-funnel";
import { queueReceipt } from "./queue-receipt";
import type { PaymentContext } from "./payment-context";

// Internal to the order services: the one place an order row is changed, always together with its event.

export type OrderPatch = Partial<Omit<typeof orders.$inferInsert, "id" | "merchantId" | "livemode" | "status">>;

/**
 * Applies a status transition (checked against the state machine) and other column changes to a locked
 * order, and writes the event — in the caller's transaction.
 */
export async function changeOrder(
  tx: Db,
  appUrl: string,
  order: OrderRow,
  change: { transition?: OrderTransition; fullyRefunded?: boolean; set?: OrderPatch; event: EventType; notAllowed?: AppError },
): Promise<{ order: OrderRow; object: OrderObject }> {
  let status = order.status;
  if (change.transition) {
    const next = nextStatus(order.status, change.transition, { fullyRefunded: change.fullyRefunded ?? false });
    if (next === null) throw change.notAllowed ?? new AppError("order_not_payable", `The order is ${order.status}.`);
    status = next;
  }
  const [updated] = await tx
    .update(orders)
    .set({ ...change.set, status, updatedAt: sql`now()` })
    .where(eq(orders.id, order.id))
    .returning();
  const object = toOrderObject(updated!, await displayPayment(tx, scopeOf(order), updated!), appUrl);
  await recordEvent(tx, scopeOf(order), change.event, object);
  return { order: updated!, object };
}

/** Counts a paid order (what was captured) on its link's stats, in the same transaction as the payment. */
export async function countPaymentOnLink(tx: Db, order: OrderRow): Promise<void> {
  if (!order.paymentLinkId) return;
  const amount = order.amountCaptured ?? order.amount;
  await tx
    .update(paymentLinks)
    .set({ payCount: sql`${paymentLinks.payCount} + 1`, successAmount: sql`${paymentLinks.successAmount} + ${amount}` })
    .where(eq(paymentLinks.id, order.paymentLinkId));
  // The funnel's row for the buyer's source moves with the stats, so the sums over sources stay equal to them.
  await countPaymentOnSource(tx, order, amount);
}

/** What follows an order becoming paid, in the same transaction: its link's stats and funnel, and the receipt. */
export async function recordOrderPaid(tx: Db, paymentContext: Pick<PaymentContext, "sendMaxPerHour">, paid: OrderRow, payment: PaymentRow): Promise<void> {
  // The receipt first: rendering it takes some milliseconds, and the link's row stays unlocked meanwhile
  // (counting the payment locks it until the commit, and every visit and buyer of the link waits on that).
  await queueReceipt(tx, paid, payment, paymentContext.sendMaxPerHour);
  await countPaymentOnLink(tx, paid);
}
