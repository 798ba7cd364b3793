import { refundRule } from "@/lib/payments/methods";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { findOrder, listPaymentsForOrder } from "@/db/queries/orders";
import type { EventRow } from "@/db/schema";
import { listEventsAbout } from "@/db/queries/webhooks";
import { can } from "@/lib/accounts/permissions";
import { isAppError } from "@/lib/core/errors";
import { getDashboardContext } from "@/lib/http/session";
import type { OrderObject, RefundObject } from "@/lib/orders/serialize";
import { cancelPlan } from "@/lib/orders/state-machine";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { getOrder } from "@/lib/services/get-order";
import { listRefunds } from "@/lib/services/list-refunds";
import type { PaymentContext } from "@/lib/services/payment-context";
import type { MerchantScope, ServiceContext } from "@/lib/core/scope";

/** The merchant and mode the orders pages act for, as the services take them, and whether the member may change orders. */
export async function getOrdersContext(): Promise<{ ctx: ServiceContext & PaymentContext; canWrite: boolean }> {
  const { current, livemode } = await getDashboardContext();
  return {
    ctx: { merchantId: current.merchant.id, livemode, ...paymentContextFromEnv() },
    canWrite: can(current.role, "write"),
  };
}

/**
 * Whether a form still matches what the dashboard acts for: the business and the mode are cookies another
 * tab may have switched since the page was shown. Acting anyway could refund an order of another mode.
 */
export function staleFormMessage(formData: FormData, scope: MerchantScope): string | null {
  if (formData.get("merchantId") === scope.merchantId && formData.get("mode") === (scope.livemode ? "live" : "test")) return null;
  return "This page is out of date: the business or the mode was switched in another tab. Reload the page and try again.";
}

export interface OrderDetail {
  order: OrderObject;
  /** What "Cancel order" would do now (the contract's cancel), or null when it is not allowed. */
  cancel: ReturnType<typeof cancelPlan>;
  /** Newest first, all of them. */
  refunds: RefundObject[];
  payments: Awaited<ReturnType<typeof listPaymentsForOrder>>;
  /** The order's events and its refunds' events. */
  events: EventRow[];
}

/** Everything the order page shows; an unknown id or another merchant's (or mode's) is a 404 alike. */
export async function getOrderDetailOr404(ctx: ServiceContext, id: string): Promise<OrderDetail> {
  const db = await getDb();
  let order: OrderObject;
  try {
    order = await getOrder(db, ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "resource_missing") notFound();
    throw error;
  }
  const [row, refunds, payments] = await Promise.all([findOrder(db, ctx, order.id), allRefunds(db, ctx, order.id), listPaymentsForOrder(db, ctx, order.id)]);
  return {
    order,
    cancel: row ? cancelPlan(row, refundRule(payments.find((p) => p.id === row.paymentId)?.method)) : null,
    refunds,
    payments,
    events: await listEventsAbout(db, ctx, [order.id, ...refunds.map((r) => r.id)]),
  };
}

/** Every refund of the order, page by page (a partial refund at a time can make many). */
async function allRefunds(db: Db, ctx: ServiceContext, orderId: string): Promise<RefundObject[]> {
  const all: RefundObject[] = [];
  for (;;) {
    const page = await listRefunds(db, ctx, orderId, { limit: "100", ...(all.length ? { starting_after: all.at(-1)!.id } : {}) });
    all.push(...page.data);
    if (!page.has_more || page.data.length === 0) return all;
  }
}

