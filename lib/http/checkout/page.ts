import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { findMerchantBrand } from "@/db/queries/checkout";
import { displayPayment, findOrderByToken } from "@/db/queries/orders";
import { scopeOf } from "@/lib/core/scope";
import { afterPaymentPath, isCheckoutToken, orderStep, stepPath, type ActionPage } from "@/lib/checkout/steps";

/** Everything an order's checkout pages show: the order, its latest payment, its merchant, and its step. */
export async function loadOrderCheckout(token: string) {
  await connection();
  if (!isCheckoutToken(token)) return null;
  const db = await getDb();
  const order = await findOrderByToken(db, token);
  if (!order) return null;
  const [payment, merchant] = await Promise.all([displayPayment(db, scopeOf(order), order), findMerchantBrand(db, order.merchantId)]);
  if (!merchant) return null;
  return { db, order, payment, merchant, step: orderStep(order, payment) };
}

/**
 * The order of a page that waits in one step (`page`: the bank's page, the QR code, …) with its payment; a
 * request for it in any other step goes where the order is now (the receipt once paid), an unknown token 404s.
 */
export async function loadStepPage(token: string, page: ActionPage) {
  const loaded = await loadOrderCheckout(token);
  if (!loaded) notFound();
  const { order, payment, step } = loaded;
  if (step.kind === "paid") redirect(afterPaymentPath(order));
  if (step.kind !== "action" || step.page !== page || !payment) redirect(stepPath(token, step));
  return { ...loaded, payment };
}
