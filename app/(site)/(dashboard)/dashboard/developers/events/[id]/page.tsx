import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EVENT_DESCRIPTIONS, formatPreciseTime, objectHref } from "@/components/dashboard/events/format";
import { EmptyNote } from "@/components/dashboard/list-page";
import { BackLink } from "@/components/dashboard/page-header";
import { DeliveriesList } from "@/components/dashboard/webhooks/deliveries-list";
import { EndpointStatusBadge } from "@/components/dashboard/webhooks/delivery-status-badge";
import { ResendEventForm } from "@/components/dashboard/webhooks/resend-event-form";
import { getDb } from "@/db";
import { findEvent, listEventDeliveries } from "@/db/queries/webhooks";
import { toEventObject } from "@/lib/webhooks/serialize";
import { resendEventAction } from "../../webhooks/actions";
import { getWebhooksContext, listAllEndpoints, toDeliveryView } from "../../webhooks/context";

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { scope, canManage } = await getWebhooksContext();
  const db = await getDb();
  // Another merchant's event, or one of the other mode, is a 404 exactly like one that does not exist.
  const row = await findEvent(db, scope, id);
  if (!row) notFound();
  const [deliveries, endpoints] = await Promise.all([listEventDeliveries(db, scope, row.id), canManage ? listAllEndpoints(db, scope) : []]);
  const event = toEventObject(row);
  const about = objectHref(row.objectId);
  // A refund has no page of its own: its order's page lists it.
  const refundOrder = row.objectId.startsWith("re_") && typeof row.data.object.order === "string" ? row.data.object.order : null;
  return (
    <>
      <BackLink href="/dashboard/developers/events">Events</BackLink>
      <div className="mb-6">
        <h1 className="font-mono text-2xl font-semibold tracking-tight">{event.type}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {EVENT_DESCRIPTIONS[event.type] ? `${EVENT_DESCRIPTIONS[event.type]} · ` : null}
          <code className="font-mono text-xs">{event.id}</code> · <time dateTime={event.created_at}>{formatPreciseTime(event.created_at)}</time> · about{" "}
          {about ? (
            <Link href={about} className="font-mono text-xs text-indigo-700 hover:underline">
              {row.objectId}
            </Link>
          ) : (
            <code className="font-mono text-xs">{row.objectId}</code>
          )}
          {refundOrder ? (
            <>
              {" "}
              of{" "}
              <Link href={`/dashboard/orders/${refundOrder}`} className="font-mono text-xs text-indigo-700 hover:underline">
                {refundOrder}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <div className="max-w-4xl space-y-6">
        <section aria-labelledby="payload-heading" className="space-y-2">
          <h2 id="payload-heading" className="text-base font-semibold">Event object</h2>
          <p className="text-sm text-slate-600">The body every webhook delivery of this event carries.</p>
          <pre data-testid="event-json" className="max-h-[32rem] overflow-auto rounded-xl bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
            <code>{JSON.stringify(event, null, 2)}</code>
          </pre>
        </section>
        <section aria-labelledby="deliveries-heading" className="space-y-3">
          <h2 id="deliveries-heading" className="text-base font-semibold">Deliveries</h2>
          {deliveries.length ? (
            <DeliveriesList deliveries={deliveries.map(toDeliveryView)} show="destination" />
          ) : (
            <EmptyNote>Not delivered anywhere: no endpoint listened for it when it happened, and it had no status callback URL.</EmptyNote>
          )}
        </section>
        {canManage && endpoints.length ? (
          <section aria-labelledby="resend-heading" className="space-y-3">
            <h2 id="resend-heading" className="text-base font-semibold">Send again</h2>
            <p className="text-sm text-slate-600">Each resend is a new delivery with the same <code className="font-mono">webhook-id</code>, so receivers can tell it is the same event.</p>
            <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
              {endpoints.map((endpoint) => {
                const listens = endpoint.events.includes("*") || endpoint.events.includes(event.type);
                return (
                  <li key={endpoint.id} data-testid="resend-endpoint" className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                    <div className="min-w-0">
                      <Link href={`/dashboard/developers/webhooks/${endpoint.id}`} className="font-mono break-all text-indigo-700 hover:underline">
                        {endpoint.url}
                      </Link>{" "}
                      <EndpointStatusBadge endpoint={endpoint} />
                      {listens ? null : <span className="block text-xs text-slate-500">Does not listen for {event.type}; a resend is sent anyway.</span>}
                    </div>
                    <ResendEventForm action={resendEventAction} scope={scope} endpointId={endpoint.id} eventId={event.id} label={`Resend to ${endpoint.url}`} />
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
