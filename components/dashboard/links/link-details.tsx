import type { ReactNode } from "react";
import { countryName, isCountryCode } from "@/lib/geo/countries";
import type { PaymentLinkObject } from "@/lib/links/serialize";
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "@/lib/payments/methods";
import { customRange, formatDateTime, money } from "./format";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">None</span>;

/** What was fixed at creation: the item, the price and what checkout asks for. */
export function LinkFixedSettings({ link }: { link: PaymentLinkObject }) {
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="Item name">{link.item_name}</Row>
      <Row label="Price">{link.amount !== null ? money(link.amount, link.currency) : `Customer chooses: ${customRange(link)}`}</Row>
      <Row label="Currency">{link.currency}</Row>
      <Row label="Default country">{isCountryCode(link.default_country) ? countryName(link.default_country) : link.default_country}</Row>
      <Row label="Buyer's email">{link.collect_email ? "Collected" : "Not asked"}</Row>
      <Row label="Buyer's name">{link.collect_name ? "Collected" : "Not asked"}</Row>
    </dl>
  );
}

/** The settings that can change later, and the link's bookkeeping. */
export function LinkSettings({ link }: { link: PaymentLinkObject }) {
  const after = link.after_completion;
  const metadata = Object.entries(link.metadata);
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="Description">{link.description ?? none}</Row>
      <Row label="Payment methods">{link.payment_methods.map((m) => PAYMENT_METHOD_LABELS[m as PaymentMethod] ?? m).join(", ")}</Row>
      <Row label="Expires">{link.expires_at ? <time dateTime={link.expires_at}>{formatDateTime(link.expires_at)}</time> : "Never"}</Row>
      <Row label="Maximum payments">{link.max_payments?.toLocaleString("en-US") ?? "No limit"}</Row>
      <Row label="After payment">{after.type === "redirect" ? `Redirect to ${after.url}` : `Message: “${after.message}”`}</Row>
      <Row label="Status callback URL">{link.status_callback_url ?? none}</Row>
      <Row label="Metadata">
        {metadata.length ? (
          <ul className="space-y-0.5 font-mono text-xs">
            {metadata.map(([key, value]) => (
              <li key={key}>
                {key}: {value}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Row>
      <Row label="Id">
        <code className="font-mono text-xs">{link.id}</code>
      </Row>
      <Row label="Mode">{link.livemode ? "Live" : "Test"}</Row>
      <Row label="Created">{formatDateTime(link.created_at)}</Row>
      <Row label="Updated">{formatDateTime(link.updated_at)}</Row>
    </dl>
  );
}

/** Visits, payments and the amount collected. */
export function LinkStats({ link }: { link: PaymentLinkObject }) {
  const stats = [
    { label: "Visits", value: link.stats.visit_count.toLocaleString("en-US") },
    { label: "Payments", value: link.stats.pay_count.toLocaleString("en-US") },
    { label: "Collected", value: money(link.stats.success_amount, link.currency) },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {stats.map((s) => (
        <div key={s.label} className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{s.label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
