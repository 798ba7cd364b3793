import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { payments, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { PaymentStatus } from "@/lib/core/statuses";
import { canChangePayment } from "@/lib/payments/attempt-machine";

// Internal to the payment services: the one place a payment attempt's status changes. The order it belongs
// to changes beside it (changeOrder), in the same transaction, which holds the order's row lock.

export type PaymentPatch = Partial<Omit<typeof payments.$inferInsert, "id" | "orderId" | "merchantId" | "livemode" | "status">>;

/**
 * Moves an attempt to `to` with other column changes, refusing what the attempt table (lib/payments/
 * attempt-machine.ts) does not allow. The write also requires the status the caller read, so an attempt that
 * changed meanwhile is refused rather than overwritten.
 */
export async function changePayment(
  tx: Db,
  payment: PaymentRow,
  to: PaymentStatus,
  set: PaymentPatch = {},
  options: { now?: Date; notAllowed?: AppError } = {},
): Promise<PaymentRow> {
  const refused = () => options.notAllowed ?? new AppError("order_not_payable", `This payment is ${payment.status} and cannot become ${to}.`);
  if (!canChangePayment(payment.status, to)) throw refused();
  const [row] = await tx
    .update(payments)
    .set({ ...set, status: to, updatedAt: options.now ?? new Date() })
    .where(and(eq(payments.id, payment.id), eq(payments.status, payment.status)))
    .returning();
  if (!row) throw refused();
  return row;
}
