import type { Metadata } from "next";
import { CancelOrderForm } from "@/components/dashboard/orders/cancel-order-form";
import { CaptureOrderForm } from "@/components/dashboard/orders/capture-order-form";
import { formatDateTime, methodLabel, money } from "@/components/dashboard/orders/format";
import { refundRule } from "@/lib/payments/methods";
import { OrderSummary } from "@/components/dashboard/orders/order-summary";
import { OrderTimeline } from "@/components/dashboard/orders/order-timeline";
import { RefundOrderForm } from "@/components/dashboard/orders/refund-order-form";
import { RefundsTable } from "@/components/dashboard/orders/refunds-table";
import { OrderStatusBadge, RefundPendingBadge } from "@/components/dashboard/orders/status-badge";
import { orderTimeline } from "@/components/dashboard/orders/timeline";
import { VoidOrderForm } from "@/components/dashboard/orders/void-order-form";
import { BackLink } from "@/components/dashboard/page-header";
import { isCurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString } from "@/lib/money/money";
import type { OrderObject } from "@/lib/orders/serialize";
import type { OrderDetail } from "../context";
import { cancelOrderAction, captureOrderAction, refundOrderAction, voidOrderAction } from "../actions";
import { getOrderDetailOr404, getOrdersContext } from "../context";
import { sendToBuyerAction } from "../../messages/actions";
import { MessagesSection } from "@/components/messages/messages-section";
import { SendDialog } from "@/components/messages/send-dialog";
import { QrPanel } from "@/components/documents/qr-panel";
import { getDb } from "@/db";
import { listMessages as listMessageRows } from "@/db/queries/messages";

export const metadata: Metadata = { title: "Order" };

const LATEST_MESSAGES = 10;

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, canWrite } = await getOrdersContext();
  const detail = await getOrderDetailOr404(ctx, id);
  const { order, refunds } = detail;
  const scope = { merchantId: ctx.merchantId, livemode: ctx.livemode };
  const messages = await listMessageRows(await getDb(), ctx, { orderId: order.id, limit: LATEST_MESSAGES });
  const sendable = order.status === "open" && new Date(order.expires_at) > new Date();
  const checkoutPath = new URL(order.url).pathname;
  const refundPending = refunds.filter((r) => r.status === "pending").reduce((sum, r) => sum + r.amount, 0);
  const timeline = orderTimeline(
    detail.events.map((e) => ({ id: e.id, type: e.type, createdAt: e.createdAt, data: e.data })),
    detail.payments,
  );
  return (
    <>
      <BackLink href="/dashboard/orders">Orders</BackLink>
      <div className="mb-6">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          {order.item_name}
          <OrderStatusBadge status={order.status} />
          {refundPending > 0 ? <RefundPendingBadge /> : null}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {money(order.amount, order.currency)} · <code className="font-mono text-xs">{order.id}</code>
        </p>
      </div>
      <div className="max-w-3xl space-y-6">
        <OrderControls detail={detail} canWrite={canWrite} scope={{ merchantId: ctx.merchantId, livemode: ctx.livemode }} />
        <section aria-labelledby="summary-heading" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="summary-heading" className="text-base font-semibold">Summary</h2>
          <OrderSummary order={order} refundPending={refundPending} />
        </section>
        <section aria-labelledby="documents-heading" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="documents-heading" className="text-base font-semibold">Documents</h2>
          <p className="mt-1 text-sm text-slate-600">PDFs made from the order as it is now; the buyer can open them at the same addresses.</p>
          <ul className="mt-3 flex flex-wrap gap-2 text-sm">
            <li>
              <a href={`${checkoutPath}/invoice.pdf`} className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-100">
                Invoice (PDF)
              </a>
            </li>
            {order.paid_at ? (
              <li>
                <a href={`${checkoutPath}/receipt.pdf`} className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-100">
                  Receipt (PDF)
                </a>
              </li>
            ) : null}
          </ul>
        </section>
        {sendable ? <QrPanel url={order.url} label={order.item_name} /> : null}
        <MessagesSection
          messages={messages.data}
          empty={sendable ? "Nothing sent yet. Send the order to the buyer by email (with its invoice PDF) or SMS." : "No messages about this order."}
          send={
            canWrite && sendable ? (
              <SendDialog
                action={sendToBuyerAction}
                scope={scope}
                target={{ kind: "order", id: order.id }}
                defaultTo={order.customer.email}
                note={`The buyer receives a payment request for ${money(order.amount, order.currency)} with a button to this order's checkout; by email, with the invoice attached as a PDF.`}
              />
            ) : null
          }
        />
        <section aria-labelledby="refunds-heading" className="space-y-3">
          <h2 id="refunds-heading" className="text-base font-semibold">Refunds</h2>
          {refunds.length ? <RefundsTable refunds={refunds} /> : <p className="text-sm text-slate-600">No refunds.</p>}
        </section>
        <section aria-labelledby="timeline-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="timeline-heading" className="text-base font-semibold">Timeline</h2>
          <OrderTimeline entries={timeline} />
        </section>
      </div>
    </>
  );
}

/** What cancel does to this order now, in words; the plan itself comes from the state machine. */
function cancelConsequence(order: OrderObject, plan: NonNullable<OrderDetail["cancel"]>): string {
  const m = (minor: number) => money(minor, order.currency);
  switch (plan) {
    case "cancel":
      return order.status === "processing"
        ? "The order is closed and the payment under way is abandoned: the buyer can no longer pay it."
        : "The order is closed: the buyer can no longer pay it.";
    case "void":
      return order.status === "authorized"
        ? `The payment is only authorized, so canceling releases it: the buyer is not charged the ${m(order.amount)}.`
        : `The payment has not settled, so canceling voids it: the buyer is not charged the ${m(order.amount_captured ?? order.amount)}.`;
    case "refund":
      return `The payment has settled, so canceling refunds the remaining ${m(order.refundable_amount)} in full.`;
  }
}

/** Capture, void, refund and cancel, each shown only when the order allows it and the member may change orders. */
function OrderControls({ detail, canWrite, scope }: { detail: OrderDetail; canWrite: boolean; scope: { merchantId: string; livemode: boolean } }) {
  const { order, cancel } = detail;
  const noRefunds = order.settled_at !== null && refundRule(order.payment?.method) === "none";
  if (!order.allowed_capture && !order.allowed_void && !order.allowed_refund && !cancel && !noRefunds) return null;
  if (!canWrite) return <p className="text-sm text-slate-600">Only an owner or admin of this business can capture, void, refund or cancel orders.</p>;
  // Remounted when the order changes, so a form never shows an amount or an answer from before the change.
  const key = `${order.updated_at}:${order.refundable_amount}`;
  const props = { scope, orderId: order.id };
  return (
    <section aria-labelledby="actions-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="actions-heading" className="text-base font-semibold">Actions</h2>
      <div className="space-y-3">
        {order.allowed_capture && isCurrencyCode(order.currency) ? (
          <CaptureOrderForm
            key={`capture:${key}`}
            action={captureOrderAction}
            currency={order.currency}
            defaultAmount={minorToDecimalString(order.amount, order.currency)}
            authorized={money(order.amount, order.currency)}
            expires={order.authorization_expires_at ? formatDateTime(order.authorization_expires_at) : null}
            {...props}
          />
        ) : null}
        {order.allowed_void ? <VoidOrderForm key={`void:${key}`} action={voidOrderAction} amount={money(order.amount_captured ?? order.amount, order.currency)} authorizedOnly={order.status === "authorized"} {...props} /> : null}
        {order.allowed_refund && isCurrencyCode(order.currency) ? (
          <RefundOrderForm
            key={`refund:${key}`}
            action={refundOrderAction}
            currency={order.currency}
            defaultAmount={minorToDecimalString(order.refundable_amount, order.currency)}
            refundable={money(order.refundable_amount, order.currency)}
            fullOnly={refundRule(order.payment?.method) === "full_only"}
            {...props}
          />
        ) : null}
        {order.settled_at && refundRule(order.payment?.method) === "none" ? (
          <p className="text-sm text-slate-600">{methodLabel(order.payment?.method ?? "")} payments cannot be refunded through Paylink: settle any refund with the buyer directly.</p>
        ) : null}
        {cancel ? <CancelOrderForm key={`cancel:${key}`} action={cancelOrderAction} consequence={cancelConsequence(order, cancel)} {...props} /> : null}
      </div>
    </section>
  );
}
