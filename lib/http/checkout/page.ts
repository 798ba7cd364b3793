import { connection } from "next/server";
import { getDb } from "@/db";
import { findMerchantBrand } from "@/db/queries/checkout";
import { displayPayment, findOrderByToken } from "@/db/queries/orders";
import { scopeOf } from "@/lib/core/scope";
import { isCheckoutToken, orderStep } from "@/lib/checkout/steps";

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
