import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, payments } from "@/db/schema";
import { confirmBankTransfer } from "./confirm-bank-transfer";
import type { PaymentContext } from "./payment-context";
import { SWEEP_BATCH } from "./sweep";

/** Bank transfers the (simulated) bank has confirmed: their orders become paid. */
export async function confirmArrivedBankTransfers(db: Db, paymentContext: PaymentContext, now: Date = new Date()): Promise<number> {
  const pending = await db
    .select({ createdAt: payments.createdAt, reference: payments.processorReference, processor: payments.processor, token: orders.token })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(eq(payments.status, "pending"), eq(payments.method, "bank_transfer"), eq(orders.status, "processing")))
    .limit(SWEEP_BATCH);
  let count = 0;
  for (const p of pending) {
    if (!(await paymentContext.processors.named(p.processor).asyncPaymentArrived(p.reference ?? "", p.createdAt, now))) continue;
    try {
      await confirmBankTransfer(db, paymentContext, p.token);
      count += 1;
    } catch {
      // Canceled or confirmed by someone else in the meantime: nothing to do.
    }
  }
  return count;
}
