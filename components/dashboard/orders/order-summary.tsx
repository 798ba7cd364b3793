import { formatCountry } from "@/lib/i18n/format";
import { localeSettingLabel } from "@/components/ui/locale-options";
import Link from "next/link";
import { DetailList, DetailRow, noneSet } from "@/components/dashboard/details";
import { isCountryCode } from "@/lib/geo/countries";
import type { OrderObject } from "@/lib/orders/serialize";
import { formatDateTime, money, paymentLabel } from "./format";
import { OrderStatusBadge, RefundPendingBadge } from "./status-badge";

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
    <DetailList>
      <DetailRow label="Amount">{m(order.amount)}</DetailRow>
      {order.application_fee_amount !== null ? (
        <DetailRow label="Application fee">
          {m(order.application_fee_amount)} <span className="text-slate-600">to the platform</span>
        </DetailRow>
      ) : null}
      {order.capture_method === "manual" ? (
        <>
          <DetailRow label="Capture method">Manual: you capture the authorized payment</DetailRow>
          <DetailRow label="Captured">{order.amount_captured === null ? "Not yet" : m(order.amount_captured)}</DetailRow>
          {order.authorization_expires_at ? (
            <DetailRow label="Authorization lapses">
              <Time iso={order.authorization_expires_at} />
            </DetailRow>
          ) : null}
        </>
      ) : null}
      <DetailRow label="Refunded">{m(order.amount_refunded)}</DetailRow>
      {refundPending > 0 ? <DetailRow label="Refund pending">{m(refundPending)}</DetailRow> : null}
      <DetailRow label="Refundable">{m(order.refundable_amount)}</DetailRow>
      <DetailRow label="Status">
        <span className="inline-flex flex-wrap gap-1.5">
          <OrderStatusBadge status={order.status} />
          {refundPending > 0 ? <RefundPendingBadge /> : null}
        </span>
      </DetailRow>
      <DetailRow label="Customer">
        {customer.email || customer.name || customer.country ? (
          <>
            {customer.name ? <span className="block">{customer.name}</span> : null}
            {customer.email ? <span className="block">{customer.email}</span> : null}
            {customer.country ? <span className="block text-slate-600">{isCountryCode(customer.country) ? formatCountry(customer.country) : customer.country}</span> : null}
          </>
        ) : (
          noneSet
        )}
      </DetailRow>
      <DetailRow label="Checkout language">{localeSettingLabel(order.locale)}</DetailRow>
      <DetailRow label="Payment method">{paymentLabel(payment) ?? <span className="text-slate-400">Not paid yet</span>}</DetailRow>
      {payment ? <DetailRow label="Payment status">{payment.status.replaceAll("_", " ")}</DetailRow> : null}
      <DetailRow label="Settled">{settledAt ? <>Yes, <Time iso={settledAt} /></> : paid ? "Not yet: it can be voided until it settles" : "—"}</DetailRow>
      <DetailRow label="Payment link">
        {order.payment_link ? (
          <Link href={`/dashboard/links/${order.payment_link}`} className="font-mono text-xs text-indigo-700 hover:underline">
            {order.payment_link}
          </Link>
        ) : (
          <span className="text-slate-600">None: created over the API</span>
        )}
      </DetailRow>
      <DetailRow label="Reference">{order.reference ?? noneSet}</DetailRow>
      {order.description ? <DetailRow label="Description">{order.description}</DetailRow> : null}
      <DetailRow label="Payment attempts">{order.attempts}</DetailRow>
      <DetailRow label="Created"><Time iso={order.created_at} /></DetailRow>
      {order.paid_at ? <DetailRow label="Paid"><Time iso={order.paid_at} /></DetailRow> : null}
      {order.status === "open" || order.status === "processing" ? <DetailRow label="Expires"><Time iso={order.expires_at} /></DetailRow> : null}
      {order.status === "open" ? (
        <DetailRow label="Checkout URL">
          <a href={order.url} className="font-mono text-xs break-all text-indigo-700 hover:underline">
            {order.url}
          </a>
        </DetailRow>
      ) : null}
      <DetailRow label="Id">
        <code className="font-mono text-xs">{order.id}</code>
      </DetailRow>
      <DetailRow label="Mode">{order.livemode ? "Live" : "Test"}</DetailRow>
    </DetailList>
  );
}
