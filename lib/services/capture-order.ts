import { and, eq, isNotNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findPayment, lockOrder, lockScopedOrder } from "@/db/queries/orders";
import { payments, type PaymentRow } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { scopeOf, type MerchantScope } from "@/lib/core/scope";
import { captureOrderSchema, type CaptureOrderInput } from "@/lib/orders/schemas";
import { formatMinor } from "@/lib/money/money";
import { isCurrencyCode } from "@/lib/money/currencies";
import type { OrderObject } from "@/lib/orders/serialize";
import type { CaptureResult } from "@/lib/processor/connector";
import { getOrder } from "./get-order";
import { changeOrder, recordOrderPaid } from "./order-changes";
import { changePayment } from "./payment-changes";
import { answerWithin } from "./connector-call";
import type { PaymentContext } from "./payment-context";


const NOT_CAPTURABLE = "Only an authorized order can be captured.";

type Capture = { payment: PaymentRow; amount: number };

/**
 * Captures an authorized order (manual capture), the whole authorized amount or part of it (the rest is
 * released), in the three steps of every processor call: record the capture as under way on the payment and
 * commit; ask the payment's connector with no transaction open (keyed by the payment id, so a repeat is one
 * capture); record the answer — the order `paid` with `amount_captured` and `order.paid`, and counted on its
 * link — in a second transaction. A second capture meanwhile is refused; a capture whose answer was lost (the
 * process died, the processor did not answer) is finished by the recovery sweep (finishStalledCaptures).
 */
export async function captureOrder(db: Db, ctx: MerchantScope & PaymentContext, id: string, input: CaptureOrderInput = {}): Promise<OrderObject> {
  const data = captureOrderSchema.parse(input);
  const capture = await db.transaction(async (tx): Promise<Capture> => {
    const order = await lockScopedOrder(tx, ctx, id);
    const payment = order.status === "authorized" && order.paymentId ? await findPayment(tx, ctx, order.paymentId) : null;
    if (!payment || payment.status !== "authorized") throw new AppError("order_not_capturable", `This order is ${order.status}: ${NOT_CAPTURABLE.toLowerCase()}`);
    if (payment.captureRequestedAt) throw new AppError("order_not_capturable", "A capture of this order is already under way: it completes shortly.");
    if (order.authorizationExpiresAt && order.authorizationExpiresAt.getTime() <= Date.now()) {
      throw new AppError("order_not_capturable", "The authorization has lapsed: it can no longer be captured, and the order expires.");
    }
    const amount = data.amount ?? order.amount;
    if (amount > order.amount) {
      const shown = isCurrencyCode(order.currency) ? formatMinor(order.amount, order.currency) : `${order.amount} ${order.currency}`;
      throw new AppError("capture_exceeds_authorized_amount", `At most ${shown} was authorized and can be captured.`, { param: "amount" });
    }
    // The platform's fee comes out of what is captured: a capture below it would leave a fee larger than the payment.
    if (order.applicationFeeAmount !== null && amount < order.applicationFeeAmount) {
      const fee = isCurrencyCode(order.currency) ? formatMinor(order.applicationFeeAmount, order.currency) : `${order.applicationFeeAmount} ${order.currency}`;
      throw new AppError("parameter_invalid", `Invalid amount: capture at least the platform's application fee of ${fee}.`, { param: "amount" });
    }
    const [marked] = await tx
      .update(payments)
      .set({ captureAmount: amount, captureRequestedAt: new Date(), updatedAt: new Date() })
      .where(eq(payments.id, payment.id))
      .returning();
    return { payment: marked!, amount };
  });
  const result = await askConnector(ctx, capture.payment, capture.amount);
  if (!result) throw new AppError("service_unavailable", "The processor did not answer the capture in time. It is still under way and will be completed shortly: fetch the order to see it paid.");
  await recordCapture(db, ctx, capture.payment, result);
  if (result.status === "failed") throw new AppError("order_not_capturable", `The processor refused the capture: ${result.message}`);
  return getOrder(db, ctx, id);
}

function askConnector(paymentContext: PaymentContext, payment: PaymentRow, amount: number): Promise<CaptureResult | null> {
  return answerWithin(paymentContext, paymentContext.processors.named(payment.processor).capture(payment.processorReference ?? "", amount, payment.id), "capture", payment.id);
}

/**
 * The processor's answer to a capture, under the order's lock: a success makes the order paid (unless another
 * process recorded it first); a refusal clears the capture so the merchant may try again or void.
 */
async function recordCapture(db: Db, paymentContext: PaymentContext, asked: PaymentRow, result: CaptureResult): Promise<void> {
  await db.transaction(async (tx) => {
    const scope = scopeOf(asked);
    const order = await lockOrder(tx, { id: asked.orderId, scope });
    const payment = order ? await findPayment(tx, scope, asked.id) : null;
    if (!order || !payment || payment.status !== "authorized" || !payment.captureRequestedAt || payment.captureAmount === null) return;
    if (result.status === "failed") {
      await tx.update(payments).set({ captureAmount: null, captureRequestedAt: null, updatedAt: new Date() }).where(eq(payments.id, payment.id));
      return;
    }
    const now = new Date();
    const captured = await changePayment(tx, payment, "succeeded", { capturedAt: now, captureRequestedAt: null }, { now });
    const { order: paid } = await changeOrder(tx, paymentContext.appUrl, order, {
      transition: "capture",
      set: { amountCaptured: payment.captureAmount, paidAt: now, authorizationExpiresAt: null },
      event: "order.paid",
      notAllowed: new AppError("order_not_capturable", NOT_CAPTURABLE),
      shown: captured,
    });
    await recordOrderPaid(tx, paymentContext, paid);
  });
}

/**
 * Captures recorded as under way whose answer was never recorded, older than `olderThanSeconds` (so the
 * request that started them has certainly given up): asks the connector again with the same key — one
 * capture at the processor however often it is asked — and records the answer.
 */
export async function finishStalledCaptures(db: Db, paymentContext: PaymentContext, olderThanSeconds: number, now: Date = new Date()): Promise<number> {
  const stalled = await db
    .select()
    .from(payments)
    .where(and(eq(payments.status, "authorized"), isNotNull(payments.captureRequestedAt), lte(payments.captureRequestedAt, new Date(now.getTime() - olderThanSeconds * 1000))))
    .limit(100);
  let finished = 0;
  for (const payment of stalled) {
    const result = await askConnector(paymentContext, payment, payment.captureAmount!);
    if (!result) continue;
    await recordCapture(db, paymentContext, payment, result);
    finished += 1;
  }
  return finished;
}
