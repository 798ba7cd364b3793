import Link from "next/link";
import { DataTable, RowHeader, TimeCell, cell } from "@/components/dashboard/data-table";
import { formatDateTime } from "@/components/dashboard/events/format";
import type { WebhookEndpointObject } from "@/lib/webhooks/serialize";
import { EndpointStatusBadge } from "./delivery-status-badge";

/** "All events", or the types themselves. */
export function EventsLabel({ events }: { events: string[] }) {
  if (events.includes("*")) return <>All events</>;
  return <span className="font-mono text-xs">{events.join(", ")}</span>;
}

/** The endpoints of one mode, newest first; each URL opens the endpoint. */
export function EndpointsTable({ endpoints, caption }: { endpoints: WebhookEndpointObject[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={["URL", "Events", "Status", "Created"]}
    >
      {endpoints.map((endpoint) => (
        <tr key={endpoint.id} data-testid="endpoint-row">
          <RowHeader>
            <Link href={`/dashboard/developers/webhooks/${endpoint.id}`} className="font-mono break-all text-indigo-700 hover:underline">
              {endpoint.url}
            </Link>
            {endpoint.description ? <span className="block text-xs text-slate-500">{endpoint.description}</span> : null}
          </RowHeader>
          <td className={`${cell} max-w-xs`}>
            <EventsLabel events={endpoint.events} />
            {endpoint.connect ? <span className="block pt-0.5 text-xs text-slate-500">Also of connected merchants</span> : null}
          </td>
          <td className={cell}>
            <EndpointStatusBadge endpoint={endpoint} />
            {!endpoint.enabled && endpoint.disabled_reason ? <span className="block pt-0.5 text-xs text-red-700">{endpoint.disabled_reason}</span> : null}
          </td>
          <TimeCell dateTime={endpoint.created_at}>{formatDateTime(endpoint.created_at)}</TimeCell>
        </tr>
      ))}
    </DataTable>
  );
}
