import Link from "next/link";
import { formatDateTime } from "@/components/dashboard/events/format";
import type { WebhookEndpointObject } from "@/lib/webhooks/serialize";
import { EndpointStatusBadge } from "./delivery-status-badge";

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2.5 align-top";

/** "All events", or the types themselves. */
export function EventsLabel({ events }: { events: string[] }) {
  if (events.includes("*")) return <>All events</>;
  return <span className="font-mono text-xs">{events.join(", ")}</span>;
}

/** The endpoints of one mode, newest first; each URL opens the endpoint. */
export function EndpointsTable({ endpoints, caption }: { endpoints: WebhookEndpointObject[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>URL</th>
            <th scope="col" className={th}>Events</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id} data-testid="endpoint-row">
              <th scope="row" className={`${td} text-left font-normal`}>
                <Link href={`/dashboard/developers/webhooks/${endpoint.id}`} className="font-mono break-all text-indigo-700 hover:underline">
                  {endpoint.url}
                </Link>
                {endpoint.description ? <span className="block text-xs text-slate-500">{endpoint.description}</span> : null}
              </th>
              <td className={`${td} max-w-xs`}>
                <EventsLabel events={endpoint.events} />
              </td>
              <td className={td}>
                <EndpointStatusBadge endpoint={endpoint} />
                {!endpoint.enabled && endpoint.disabled_reason ? <span className="block pt-0.5 text-xs text-red-700">{endpoint.disabled_reason}</span> : null}
              </td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                <time dateTime={endpoint.created_at}>{formatDateTime(endpoint.created_at)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
