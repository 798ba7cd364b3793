import { and, asc, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { changeOrder } from "./order-changes";
import type { PaymentContext } from "./payment-context";
import { SWEEP_BATCH, sweepInBatches } from "./sweep";

/** Open orders past their expires_at become `expired`. */
export async function expireOrders(db: Db, paymentContext: PaymentContext, now: Date = new Date()): Promise<number> {
  return sweepInBatches(db, async (tx) => {
    const due = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.status, "open"), lte(orders.expiresAt, now)))
      .orderBy(asc(orders.expiresAt))
      .limit(SWEEP_BATCH)
      .for("update", { skipLocked: true });
    for (const order of due) await changeOrder(tx, paymentContext.appUrl, order, { transition: "expire", event: "order.expired" });
    return due.length;
  });
}
