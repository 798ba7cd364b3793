import Form from "next/form";
import Link from "next/link";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30";

/** The type filter as a GET form: the URL holds it, so a filtered list can be bookmarked or shared. */
export function EventFilters({ type, eventTypes }: { type: string; eventTypes: readonly string[] }) {
  return (
    <Form action="/dashboard/developers/events" role="search" aria-label="Filter events" className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3">
      <div className="space-y-1">
        <label htmlFor="filter-type" className="block text-xs font-medium text-slate-600">
          Type
        </label>
        <select id="filter-type" name="type" defaultValue={type} className={`${control} font-mono`}>
          <option value="">All types</option>
          {eventTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
          Filter
        </button>
        {type ? (
          <Link href="/dashboard/developers/events" className="px-2 py-2 text-sm text-indigo-700 hover:underline">
            Clear filter
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
