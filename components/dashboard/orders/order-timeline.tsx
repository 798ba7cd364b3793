import { formatDateTime } from "./format";
import type { TimelineEntry } from "./timeline";

/** What happened to the order and its refunds, oldest first. */
export function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-5">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="timeline-entry" className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.55rem] size-2.5 rounded-full bg-indigo-500 ring-4 ring-white" />
          <p className="text-sm text-slate-900">{entry.text}</p>
          <p className="text-xs text-slate-500">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
