"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getDb, type Db } from "@/db";
import { isAppError } from "@/lib/core/errors";
import { fieldErrors } from "@/lib/core/field-errors";
import type { FormState } from "@/lib/forms";
import { amountMessage } from "@/lib/links/form-input";
import { isCurrencyCode } from "@/lib/money/currencies";
import { parseAmount } from "@/lib/money/money";
import { cancelOrder } from "@/lib/services/cancel-order";
import { captureOrder } from "@/lib/services/capture-order";
import { getOrder } from "@/lib/services/get-order";
import { refundOrder } from "@/lib/services/refund-order";
import { settleOrders } from "@/lib/services/settle-orders";
import { voidOrder } from "@/lib/services/void-order";
import { getOrdersContext, staleFormMessage } from "./context";

const READ_ONLY = "Only an owner or admin can change orders.";

/** Test mode: settles the merchant's paid test payments now, like POST /api/v1/test_helpers/settle. */
export async function settleTestPaymentsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { ctx, canWrite } = await getOrdersContext();
  if (!canWrite) return { message: READ_ONLY };
  const stale = staleFormMessage(formData, ctx);
  if (stale) return { message: stale };
  if (ctx.livemode) return { message: "Live payments settle on the settlement schedule; settling by hand is for test mode." };
  const settled = await settleOrders(await getDb(), ctx, { merchantId: ctx.merchantId, livemode: false });
  revalidatePath("/dashboard/orders", "layout");
  return {
    ok: true,
    message: settled === 0 ? "No paid test payments were waiting to settle." : `Settled ${settled} test payment${settled === 1 ? "" : "s"}.`,
  };
}

export async function voidOrderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runOrderChange(formData, async (ctx, db, id) => (await voidOrder(db, ctx, id)).id);
}

export async function cancelOrderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runOrderChange(formData, async (ctx, db, id) => (await cancelOrder(db, ctx, id)).id);
}

/** A full or partial capture of an authorized order; the amount arrives as the decimal the merchant typed. */
export async function captureOrderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { amount: String(formData.get("amount") ?? "") };
  return runOrderChange(
    formData,
    async (ctx, db, id) => {
      const amount = await typedAmount(db, ctx, id, values);
      return "minor" in amount ? (await captureOrder(db, ctx, id, { amount: amount.minor })).id : amount;
    },
    values,
  );
}

/** A full or partial refund; the amount arrives as the decimal the merchant typed, in the order's currency. */
export async function refundOrderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { amount: String(formData.get("amount") ?? ""), reason: String(formData.get("reason") ?? "") };
  return runOrderChange(
    formData,
    async (ctx, db, id) => {
      const amount = await typedAmount(db, ctx, id, values);
      if (!("minor" in amount)) return amount;
      const refund = await refundOrder(db, ctx, id, { amount: amount.minor, reason: values.reason.trim() || null });
      return refund.order;
    },
    values,
  );
}

type Ctx = Awaited<ReturnType<typeof getOrdersContext>>["ctx"];

/** The amount the merchant typed (`values.amount`, a decimal in the order's currency) in minor units, or the form's answer why not. */
async function typedAmount(db: Db, ctx: Ctx, id: string, values: { amount: string } & Record<string, string>): Promise<{ minor: number } | FormState> {
  const { currency } = await getOrder(db, ctx, id);
  if (!isCurrencyCode(currency)) return { message: `This order's currency (${currency}) is not supported.` };
  const amount = parseAmount(values.amount, currency);
  return amount.ok ? { minor: amount.minor } : { fieldErrors: { amount: amountMessage(amount.reason, currency) }, values };
}

/**
 * The common path of the order forms: checks the member may write and the form's scope, runs the service,
 * and on success reloads the order page with its new state. A service's refusal (an AppError) is shown in
 * the form's alert, with what was typed kept.
 */
async function runOrderChange(
  formData: FormData,
  run: (ctx: Ctx, db: Db, id: string) => Promise<string | FormState>,
  values?: Record<string, string>,
): Promise<FormState> {
  const { ctx, canWrite } = await getOrdersContext();
  if (!canWrite) return { message: READ_ONLY };
  const stale = staleFormMessage(formData, ctx);
  if (stale) return { message: stale };
  let result: string | FormState;
  try {
    result = await run(ctx, await getDb(), String(formData.get("orderId") ?? ""));
  } catch (error) {
    if (error instanceof ZodError) return { fieldErrors: fieldErrors(error), values };
    if (!isAppError(error)) throw error;
    return { message: error.message, values };
  }
  if (typeof result !== "string") return result;
  revalidatePath("/dashboard/orders", "layout");
  // The id the service answered with, never one the form carried.
  redirect(`/dashboard/orders/${result}`);
}
