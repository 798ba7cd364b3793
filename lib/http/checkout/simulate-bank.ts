import { getDb } from "@/db";
import { displayPayment, findOrderByToken } from "@/db/queries/orders";
import { backWith, declineMessage } from "@/lib/checkout/redirects";
import { afterPaymentPath, orderPath, type ActionPage } from "@/lib/checkout/steps";
import { AppError } from "@/lib/core/errors";
import { scopeOf } from "@/lib/core/scope";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { simulateBankConfirmation } from "@/lib/services/simulate-bank-confirmation";
import { checkoutPost } from "./post";

/**
 * POST /o/{token}/{page}/confirm — test mode only: the simulator control on a page that waits for the bank (a
 * bank transfer, a QR payment, a SEPA debit). The simulated bank answers now instead of on its schedule, as
 * its signed notification to our inbound route; the buyer goes where the answer leads: the receipt, or the
 * order's form with the bank's reason (the failing test IBAN).
 */
export function simulateBankRoute(page: ActionPage) {
  return checkoutPost(`/o/[token]/${page}/confirm`, orderPath, async (_request, { token, log }) => {
    const back = orderPath(token);
    const db = await getDb();
    const order = await findOrderByToken(db, token);
    if (!order) return { location: back };
    try {
      const answered = await simulateBankConfirmation(db, paymentContextFromEnv(), token);
      if (answered.status === "paid" || answered.status === "authorized") return { location: afterPaymentPath(answered) };
      if (answered.status === "open") {
        const failed = await displayPayment(db, scopeOf(answered), answered);
        return backWith(back, { form: declineMessage(failed) }, { method: failed?.method });
      }
      return { location: orderPath(token, page) };
    } catch (error) {
      if (error instanceof AppError && error.code === "forbidden") {
        log.warn({ orderId: order.id }, "bank simulator refused for a live order");
        return { location: orderPath(token, page) };
      }
      if (error instanceof AppError) return { location: back };
      throw error;
    }
  });
}
