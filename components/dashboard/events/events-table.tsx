import Link from "next/link";
import { DataTable, RowHeader, TimeCell, cell } from "@/components/dashboard/data-table";
import { formatPreciseTime, objectHref } from "./format";

export interface EventRowView {
  id: string;
  type: string;
  objectId: string;
  createdAt: string;
}

/** One page of events, newest first; each id opens the event, each object its own page when it has one. */
export function EventsTable({ events }: { events: EventRowView[] }) {
  return (
    <DataTable
      caption="Events, newest first"
      columns={["Event", "Type", "About", "Created"]}
    >
      {events.map((event) => {
        const href = objectHref(event.objectId);
        return (
          <tr key={event.id} data-testid="event-row">
            <RowHeader>
              <Link href={`/dashboard/developers/events/${event.id}`} className="font-mono text-xs text-indigo-700 hover:underline">
                {event.id}
              </Link>
            </RowHeader>
            <td className={`${cell} font-mono text-xs`}>{event.type}</td>
            <td className={`${cell} font-mono text-xs`}>
              {href ? (
                <Link href={href} className="text-indigo-700 hover:underline">
                  {event.objectId}
                </Link>
              ) : (
                event.objectId
              )}
            </td>
            <TimeCell dateTime={event.createdAt}>{formatPreciseTime(event.createdAt)}</TimeCell>
          </tr>
        );
      })}
    </DataTable>
  );
}
