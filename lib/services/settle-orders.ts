import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, payments } from "@/db/schema";
import { whereScope, type MerchantScope } from "@/lib/core/scope";
import { changeOrder } from "./order-changes";
import type { PaymentContext } from "./payment-context";
import { SWEEP_BATCH, sweepInBatches } from "./sweep";

/**
 * Settles paid, unsettled orders: the scheduled daily run (all merchants) or the test helper (one
 * merchant's test mode). After settlement a payment can no longer be voided, only refunded.
 */
export async function settleOrders(db: Db, paymentContext: PaymentContext, scope?: MerchantScope, now: Date = new Date()): Promise<number> {
  return sweepInBatches(db, async (tx) => {
    const due = await tx
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.status, "paid"),
          isNull(orders.settledAt),
          scope ? whereScope(orders, scope) : undefined,
        ),
      )
      .limit(SWEEP_BATCH)
      .for("update", { skipLocked: true });
    for (const order of due) {
      if (order.paymentId) await tx.update(payments).set({ settledAt: now, updatedAt: now }).where(eq(payments.id, order.paymentId));
      await changeOrder(tx, paymentContext.appUrl, order, { set: { settledAt: now }, event: "order.settled" });
    }
    return due.length;
  });
}
