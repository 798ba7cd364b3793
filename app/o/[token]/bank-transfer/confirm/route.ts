import { getDb } from "@/db";
import { findOrderByToken } from "@/db/queries/orders";
import { afterPaymentPath, orderPath } from "@/lib/checkout/steps";
import { AppError } from "@/lib/core/errors";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { checkoutPost } from "@/lib/http/checkout/post";
import { simulateBankConfirmation } from "@/lib/services/simulate-bank-confirmation";

// POST /o/{token}/bank-transfer/confirm — test mode only: the simulator control that plays the bank's
// confirmation of a transfer now (otherwise the simulated bank sends it after SIMULATOR_BANK_TRANSFER_SECONDS).
export const POST = checkoutPost("/o/[token]/bank-transfer/confirm", orderPath, async (_request, { token, log }) => {
  const back = orderPath(token);
  const db = await getDb();
  const order = await findOrderByToken(db, token);
  if (!order) return { location: back };
  try {
    const confirmed = await simulateBankConfirmation(db, paymentContextFromEnv(), token);
    return { location: afterPaymentPath(confirmed) };
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") {
      log.warn({ orderId: order.id }, "bank transfer simulator refused for a live order");
      return { location: orderPath(token, "bank-transfer") };
    }
    if (error instanceof AppError) return { location: back };
    throw error;
  }
});
