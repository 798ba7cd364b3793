import Link from "next/link";
import { formatPreciseTime, objectHref } from "./format";

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2.5 align-top";

export interface EventRowView {
  id: string;
  type: string;
  objectId: string;
  createdAt: string;
}

/** One page of events, newest first; each id opens the event, each object its own page when it has one. */
export function EventsTable({ events }: { events: EventRowView[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Events, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>Event</th>
            <th scope="col" className={th}>Type</th>
            <th scope="col" className={th}>About</th>
            <th scope="col" className={th}>Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => {
            const href = objectHref(event.objectId);
            return (
              <tr key={event.id} data-testid="event-row">
                <th scope="row" className={`${td} text-left font-normal`}>
                  <Link href={`/dashboard/developers/events/${event.id}`} className="font-mono text-xs text-indigo-700 hover:underline">
                    {event.id}
                  </Link>
                </th>
                <td className={`${td} font-mono text-xs`}>{event.type}</td>
                <td className={`${td} font-mono text-xs`}>
                  {href ? (
                    <Link href={href} className="text-indigo-700 hover:underline">
                      {event.objectId}
                    </Link>
                  ) : (
                    event.objectId
                  )}
                </td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>
                  <time dateTime={event.createdAt}>{formatPreciseTime(event.createdAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
