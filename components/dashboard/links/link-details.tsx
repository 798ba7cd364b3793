import { formatCountry } from "@/lib/i18n/format";
import { localeSettingLabel } from "@/components/ui/locale-options";
import { formatCount } from "@/lib/i18n/format";
import { DetailList, DetailRow, Stats, noneSet } from "@/components/dashboard/details";
import { isCountryCode } from "@/lib/geo/countries";
import type { PaymentLinkObject } from "@/lib/links/serialize";
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "@/lib/payments/methods";
import { customRange, formatDateTime, money } from "./format";

/** What was fixed at creation: the item, the price and what checkout asks for. */
export function LinkFixedSettings({ link }: { link: PaymentLinkObject }) {
  return (
    <DetailList>
      <DetailRow label="Item name">{link.item_name}</DetailRow>
      <DetailRow label="Price">{link.amount !== null ? money(link.amount, link.currency) : `Customer chooses: ${customRange(link)}`}</DetailRow>
      <DetailRow label="Currency">{link.currency}</DetailRow>
      <DetailRow label="Default country">{isCountryCode(link.default_country) ? formatCountry(link.default_country) : link.default_country}</DetailRow>
      <DetailRow label="Buyer's email">{link.collect_email ? "Collected" : "Not asked"}</DetailRow>
      <DetailRow label="Buyer's name">{link.collect_name ? "Collected" : "Not asked"}</DetailRow>
    </DetailList>
  );
}

/** The settings that can change later, and the link's bookkeeping. */
export function LinkSettings({ link }: { link: PaymentLinkObject }) {
  const after = link.after_completion;
  const metadata = Object.entries(link.metadata);
  return (
    <DetailList>
      <DetailRow label="Description">{link.description ?? noneSet}</DetailRow>
      <DetailRow label="Payment methods">{link.payment_methods.map((m) => PAYMENT_METHOD_LABELS[m as PaymentMethod] ?? m).join(", ")}</DetailRow>
      {link.application_fee_amount !== null ? (
        <DetailRow label="Application fee">
          {money(link.application_fee_amount, link.currency)} <span className="text-slate-600">to the platform, on each paid order</span>
        </DetailRow>
      ) : null}
      <DetailRow label="Capture">{link.capture_method === "manual" ? "Manual: you capture each authorized payment" : "Automatic"}</DetailRow>
      <DetailRow label="Expires">{link.expires_at ? <time dateTime={link.expires_at}>{formatDateTime(link.expires_at)}</time> : "Never"}</DetailRow>
      <DetailRow label="Maximum payments">{link.max_payments !== null ? formatCount(link.max_payments) : "No limit"}</DetailRow>
      <DetailRow label="Checkout language">{localeSettingLabel(link.locale)}</DetailRow>
      <DetailRow label="After payment">{after.type === "redirect" ? `Redirect to ${after.url}` : `Message: “${after.message}”`}</DetailRow>
      <DetailRow label="Status callback URL">{link.status_callback_url ?? noneSet}</DetailRow>
      <DetailRow label="Metadata">
        {metadata.length ? (
          <ul className="space-y-0.5 font-mono text-xs">
            {metadata.map(([key, value]) => (
              <li key={key}>
                {key}: {value}
              </li>
            ))}
          </ul>
        ) : (
          noneSet
        )}
      </DetailRow>
      <DetailRow label="Id">
        <code className="font-mono text-xs">{link.id}</code>
      </DetailRow>
      <DetailRow label="Mode">{link.livemode ? "Live" : "Test"}</DetailRow>
      <DetailRow label="Created">{formatDateTime(link.created_at)}</DetailRow>
      <DetailRow label="Updated">{formatDateTime(link.updated_at)}</DetailRow>
    </DetailList>
  );
}

/** Visits, payments and the amount collected. */
export function LinkStats({ link }: { link: PaymentLinkObject }) {
  const stats = [
    { label: "Visits", value: formatCount(link.stats.visit_count) },
    { label: "Payments", value: formatCount(link.stats.pay_count) },
    { label: "Collected", value: money(link.stats.success_amount, link.currency) },
  ];
  return <Stats stats={stats} />;
}
