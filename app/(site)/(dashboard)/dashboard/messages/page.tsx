import type { Metadata } from "next";
import { FilterField, FilterForm, filterControl } from "@/components/dashboard/filter-form";
import { FilteredList } from "@/components/dashboard/list-page";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pager } from "@/components/dashboard/pager";
import { MessagesTable } from "@/components/messages/message-view";
import { getDb } from "@/db";
import { listMessages } from "@/db/queries/messages";
import { getEnv } from "@/lib/core/env";
import { getDashboardContext } from "@/lib/http/session";
import { MESSAGE_CHANNELS, MESSAGE_STATUSES, type MessageChannel, type MessageStatus } from "@/lib/core/statuses";

export const metadata: Metadata = { title: "Messages" };

const PAGE_SIZE = 25;
const MESSAGE_ID = /^msg_[0-9A-Za-z]+$/;

function listHref(filters: { channel: string; status: string }, startingAfter?: string): string {
  const query = new URLSearchParams(Object.entries({ ...filters, starting_after: startingAfter ?? "" }).filter(([, v]) => v));
  return `/dashboard/messages${query.size ? `?${query}` : ""}`;
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  const { current, livemode } = await getDashboardContext();
  const one = (name: string) => {
    const value = search[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const channel = (MESSAGE_CHANNELS as readonly string[]).includes(one("channel")) ? (one("channel") as MessageChannel) : "";
  const status = (MESSAGE_STATUSES as readonly string[]).includes(one("status")) ? (one("status") as MessageStatus) : "";
  const cursor = MESSAGE_ID.test(one("starting_after")) ? one("starting_after") : undefined;
  const scope = { merchantId: current.merchant.id, livemode };
  const page = await listMessages(await getDb(), scope, { channel: channel || undefined, status: status || undefined, startingAfter: cursor, limit: PAGE_SIZE });
  const env = getEnv();
  const transports = `Email goes ${env.SMTP_URL ? "out over SMTP" : "to the built-in outbox (no SMTP server is configured)"}; SMS ${env.SMS_PROVIDER ? `through ${env.SMS_PROVIDER}` : "to the outbox (no SMS provider is configured)"}.`;
  const filters = { channel, status };
  const last = page.data.at(-1);
  return (
    <>
      <PageHeader title="Messages" description={`Every email and SMS sent to your buyers in ${livemode ? "live" : "test"} mode, newest first. ${transports}`} />
      <FilteredList
        filters={
          <FilterForm key={`${channel}:${status}`} action="/dashboard/messages" label="Filter messages" active={!!(channel || status)}>
            <FilterField id="filter-channel" label="Channel">
              <select id="filter-channel" name="channel" defaultValue={channel} className={filterControl}>
                <option value="">Email and SMS</option>
                <option value="email">Email</option>
                <option value="sms">SMS</option>
              </select>
            </FilterField>
            <FilterField id="filter-status" label="Status">
              <select id="filter-status" name="status" defaultValue={status} className={filterControl}>
                <option value="">Any status</option>
                {MESSAGE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </FilterField>
          </FilterForm>
        }
        errors={[]}
        emptyText={page.data.length ? null : cursor ? "No more messages." : channel || status ? "No messages match these filters." : "No messages yet. Messages appear here when you send a link or an order to a buyer."}
        pager={<Pager label="Pages of messages" firstHref={cursor ? listHref(filters) : null} nextHref={page.hasMore && last ? listHref(filters, last.id) : null} />}
      >
        <MessagesTable messages={page.data} href={(id) => `/dashboard/messages/${id}`} />
      </FilteredList>
    </>
  );
}
