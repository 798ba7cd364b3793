import { formatDate } from "@/lib/i18n/format";
export { formatDateTime } from "@/components/dashboard/links/format";

/** To the second, in UTC: events and retries come seconds apart, and logs are read against server logs. */
export function formatPreciseTime(iso: string): string {
  return formatDate(iso, "preciseTime");
}

/** What each event type means, in a few words; the catalogue itself is EVENT_TYPES in lib/events. */
export const EVENT_DESCRIPTIONS: Record<string, string> = {
  "payment_link.created": "A payment link was created",
  "payment_link.updated": "A payment link was changed, enabled or disabled",
  "order.created": "An order was created",
  "order.processing": "A payment is under way (3-D Secure, wallet, bank transfer)",
  "order.payment_failed": "A payment attempt failed",
  "order.paid": "An order was paid",
  "order.canceled": "An order was canceled",
  "order.expired": "An order expired unpaid",
  "order.voided": "A payment was voided before it settled",
  "order.settled": "A payment settled",
  "order.refunded": "A refund succeeded (partial ones too)",
  "refund.created": "A refund was made",
  "refund.succeeded": "A refund settled",
  "refund.failed": "A refund failed",
};

/** The dashboard page of the object an event is about, when it has one. */
export function objectHref(objectId: string): string | null {
  if (objectId.startsWith("ord_")) return `/dashboard/orders/${objectId}`;
  if (objectId.startsWith("plink_")) return `/dashboard/links/${objectId}`;
  return null;
}

/** The events URL for a type filter (empty: all types), optionally from a cursor. */
export function eventListHref(type: string, startingAfter?: string): string {
  const query = new URLSearchParams();
  if (type) query.set("type", type);
  if (startingAfter) query.set("starting_after", startingAfter);
  const text = query.toString();
  return text ? `/dashboard/developers/events?${text}` : "/dashboard/developers/events";
}
