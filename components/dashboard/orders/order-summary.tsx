import Link from "next/link";
import type { ReactNode } from "react";
import { countryName, isCountryCode } from "@/lib/geo/countries";
import type { OrderObject } from "@/lib/orders/serialize";
import { formatDateTime, money, paymentLabel } from "./format";
import { OrderStatusBadge, RefundPendingBadge } from "./status-badge";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">None</span>;

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

/** The money, the buyer, the payment and where the order came from. */
export function OrderSummary({ order, refundPending }: { order: OrderObject; refundPending: number }) {
  const m = (minor: number) => money(minor, order.currency);
  const { customer, payment } = order;
  const settledAt = order.settled_at ?? payment?.settled_at ?? null;
  const paid = order.paid_at !== null;
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="Amount">{m(order.amount)}</Row>
      <Row label="Refunded">{m(order.amount_refunded)}</Row>
      {refundPending > 0 ? <Row label="Refund pending">{m(refundPending)}</Row> : null}
      <Row label="Refundable">{m(order.refundable_amount)}</Row>
      <Row label="Status">
        <span className="inline-flex flex-wrap gap-1.5">
          <OrderStatusBadge status={order.status} />
          {refundPending > 0 ? <RefundPendingBadge /> : null}
        </span>
      </Row>
      <Row label="Customer">
        {customer.email || customer.name || customer.country ? (
          <>
            {customer.name ? <span className="block">{customer.name}</span> : null}
            {customer.email ? <span className="block">{customer.email}</span> : null}
            {customer.country ? <span className="block text-slate-600">{isCountryCode(customer.country) ? countryName(customer.country) : customer.country}</span> : null}
          </>
        ) : (
          none
        )}
      </Row>
      <Row label="Payment method">{paymentLabel(payment) ?? <span className="text-slate-400">Not paid yet</span>}</Row>
      {payment ? <Row label="Payment status">{payment.status.replaceAll("_", " ")}</Row> : null}
      <Row label="Settled">{settledAt ? <>Yes, <Time iso={settledAt} /></> : paid ? "Not yet: it can be voided until it settles" : "—"}</Row>
      <Row label="Payment link">
        {order.payment_link ? (
          <Link href={`/dashboard/links/${order.payment_link}`} className="font-mono text-xs text-indigo-700 hover:underline">
            {order.payment_link}
          </Link>
        ) : (
          <span className="text-slate-600">None: created over the API</span>
        )}
      </Row>
      <Row label="Reference">{order.reference ?? none}</Row>
      {order.description ? <Row label="Description">{order.description}</Row> : null}
      <Row label="Payment attempts">{order.attempts}</Row>
      <Row label="Created"><Time iso={order.created_at} /></Row>
      {order.paid_at ? <Row label="Paid"><Time iso={order.paid_at} /></Row> : null}
      {order.status === "open" || order.status === "processing" ? <Row label="Expires"><Time iso={order.expires_at} /></Row> : null}
      {order.status === "open" ? (
        <Row label="Checkout URL">
          <a href={order.url} className="font-mono text-xs break-all text-indigo-700 hover:underline">
            {order.url}
          </a>
        </Row>
      ) : null}
      <Row label="Id">
        <code className="font-mono text-xs">{order.id}</code>
      </Row>
      <Row label="Mode">{order.livemode ? "Live" : "Test"}</Row>
    </dl>
  );
}
