import { Pager } from "@/components/dashboard/pager";
import type { Metadata } from "next";
import Link from "next/link";
import { EventFilters } from "@/components/dashboard/events/event-filters";
import { EventsTable } from "@/components/dashboard/events/events-table";
import { eventListHref } from "@/components/dashboard/events/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { listEvents } from "@/db/queries/webhooks";
import { EVENT_TYPES } from "@/lib/events/types";
import { getWebhooksContext } from "../webhooks/context";

export const metadata: Metadata = { title: "Events" };

const PAGE_SIZE = 25;
const EVENT_ID = /^evt_[0-9A-Za-z]+$/;

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  const { scope } = await getWebhooksContext();
  const one = (name: string) => {
    const value = search[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const asked = one("type");
  const type = (EVENT_TYPES as readonly string[]).includes(asked) ? asked : "";
  const cursor = EVENT_ID.test(one("starting_after")) ? one("starting_after") : undefined;
  const page = await listEvents(await getDb(), scope, { type: type || undefined, startingAfter: cursor, limit: PAGE_SIZE });
  const last = page.data.at(-1);
  const mode = scope.livemode ? "live" : "test";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard/developers" className="text-indigo-700 hover:underline">
          ← Developers
        </Link>
      </p>
      <PageHeader title="Events" description={`Every change to your ${mode}-mode links, orders and refunds, newest first: what webhooks deliver.`}>
        <Link href="/dashboard/developers/webhooks" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          Webhook endpoints
        </Link>
      </PageHeader>
      {/* Keyed by the URL: a filter form already on screen must show the filter just applied or cleared. */}
      <EventFilters key={type} type={type} eventTypes={EVENT_TYPES} />
      {asked && !type ? (
        <div className="mb-4">
          <Alert>“{asked}” is not an event type; showing every type.</Alert>
        </div>
      ) : null}
      {page.data.length ? (
        <EventsTable events={page.data.map((e) => ({ id: e.id, type: e.type, objectId: e.objectId, createdAt: e.createdAt.toISOString() }))} />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {cursor ? "No more events." : type ? `No ${type} events yet.` : `No ${mode} events yet. Creating a payment link makes the first one.`}
        </p>
      )}
      <Pager label="Pages of events" firstHref={cursor ? eventListHref(type) : null} nextHref={page.hasMore && last ? eventListHref(type, last.id) : null} />
    </>
  );
}
