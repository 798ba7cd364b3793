import { Pager } from "@/components/dashboard/pager";
import type { Metadata } from "next";
import Link from "next/link";
import { EventFilters } from "@/components/dashboard/events/event-filters";
import { EventsTable } from "@/components/dashboard/events/events-table";
import { eventListHref } from "@/components/dashboard/events/format";
import { FilteredList } from "@/components/dashboard/list-page";
import { BackLink, PageHeader } from "@/components/dashboard/page-header";
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
      <BackLink href="/dashboard/developers">Developers</BackLink>
      <PageHeader title="Events" description={`Every change to your ${mode}-mode links, orders and refunds, newest first: what webhooks deliver.`}>
        <Link href="/dashboard/developers/webhooks" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          Webhook endpoints
        </Link>
      </PageHeader>
      <FilteredList
        filters={<EventFilters key={type} type={type} eventTypes={EVENT_TYPES} />}
        errors={asked && !type ? [`“${asked}” is not an event type; showing every type.`] : []}
        emptyText={page.data.length ? null : cursor ? "No more events." : type ? `No ${type} events yet.` : `No ${mode} events yet. Creating a payment link makes the first one.`}
        pager={<Pager label="Pages of events" firstHref={cursor ? eventListHref(type) : null} nextHref={page.hasMore && last ? eventListHref(type, last.id) : null} />}
      >
        <EventsTable events={page.data.map((e) => ({ id: e.id, type: e.type, objectId: e.objectId, createdAt: e.createdAt.toISOString() }))} />
      </FilteredList>
    </>
  );
}
