import { formatDate as formatDateIn, formatMoney } from "@/lib/i18n/format";
import type { PaymentLinkObject } from "@/lib/links/serialize";

/** An amount in its currency ("¥1,500", "$19.99"); the bare number and code if the code is unknown. */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency);
}

/** The price as the list shows it: the fixed amount, or "Custom" for a buyer-chosen one. */
export function priceLabel(link: Pick<PaymentLinkObject, "amount" | "currency" | "custom_amount">): { main: string; detail?: string } {
  if (link.amount !== null) return { main: money(link.amount, link.currency) };
  return { main: "Custom", detail: customRange(link) };
}

/** "$5.00 – $1,000.00, preset $20.00", "from ¥500", "any amount". */
export function customRange(link: Pick<PaymentLinkObject, "currency" | "custom_amount">): string {
  const c = link.custom_amount;
  const f = (minor: number) => money(minor, link.currency);
  if (!c) return "";
  const range =
    c.minimum !== null && c.maximum !== null
      ? `${f(c.minimum)} – ${f(c.maximum)}`
      : c.minimum !== null
        ? `from ${f(c.minimum)}`
        : c.maximum !== null
          ? `up to ${f(c.maximum)}`
          : "any amount";
  return c.preset !== null ? `${range}, preset ${f(c.preset)}` : range;
}

/** Dates and times in UTC, the zone the forms take them in (lib/i18n/format.ts, in the dashboard's English). */
export function formatDate(iso: string): string {
  return formatDateIn(iso, "date");
}

export function formatDateTime(iso: string): string {
  return formatDateIn(iso, "dateTime");
}
