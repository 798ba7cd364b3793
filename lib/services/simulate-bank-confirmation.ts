import type { Db } from "@/db/client";
import { findOrderByToken } from "@/db/queries/orders";
import { AppError } from "@/lib/core/errors";
import { confirmBankTransfer } from "./confirm-bank-transfer";
import type { PaymentContext } from "./payment-context";
import type { ActionOutcome } from "./payment-outcome";

/** The test-mode simulator control on the bank-transfer page: only test-mode orders may be confirmed by hand. */
export async function simulateBankConfirmation(db: Db, paymentContext: PaymentContext, orderToken: string): Promise<ActionOutcome> {
  const order = await findOrderByToken(db, orderToken);
  if (!order) throw new AppError("resource_missing", "No such order.");
  if (order.livemode) throw new AppError("forbidden", "Only a test-mode bank transfer can be confirmed by hand.");
  return confirmBankTransfer(db, paymentContext, orderToken);
}
