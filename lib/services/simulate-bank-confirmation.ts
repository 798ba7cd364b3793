import type { Db } from "@/db/client";
import { findOrderByToken, latestPaymentWithStatus } from "@/db/queries/orders";
import type { OrderRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { scopeOf } from "@/lib/core/scope";
import type { PaymentContext } from "./payment-context";

/**
 * The test-mode control on a bank transfer's page: the simulated bank confirms the transfer now instead of
 * after SIMULATOR_BANK_TRANSFER_SECONDS. The confirmation still reaches the order the way a real bank's does,
 * as the processor's signed notification to our inbound route; answers the order as it is afterwards (still
 * processing if the notification could not be delivered yet: the worker sends it again).
 */
export async function simulateBankConfirmation(db: Db, paymentContext: PaymentContext, orderToken: string): Promise<OrderRow> {
  const order = await findOrderByToken(db, orderToken);
  if (!order) throw new AppError("resource_missing", "No such order.");
  if (order.livemode) throw new AppError("forbidden", "Only a test-mode bank transfer can be confirmed by hand.");
  const payment = order.status === "processing" ? await latestPaymentWithStatus(db, scopeOf(order), order.id, "pending") : null;
  const completeNow = payment?.processorReference ? paymentContext.processors.named(payment.processor).completeNow : undefined;
  if (!payment?.processorReference || !completeNow) throw new AppError("order_not_payable", "There is no bank transfer waiting on this order.");
  await completeNow(payment.processorReference);
  // Another process may be sending the same notification right now (the worker's sweep, a double tap's
  // twin): wait a moment for its answer rather than show the buyer a page that is already out of date.
  const deadline = Date.now() + WAIT_FOR_TWIN_MS;
  for (;;) {
    const now = (await findOrderByToken(db, orderToken)) ?? order;
    if (now.status !== "processing" || Date.now() >= deadline) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How long the control waits for a notification another process is delivering. */
const WAIT_FOR_TWIN_MS = 5_000;
