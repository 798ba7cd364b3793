import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";

/** The look of an input or select in a list's filter bar. */
export const filterControl =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30";

/**
 * A list's filters as a GET form to the list's own page: the URL holds them, so a filtered list can be
 * bookmarked or shared. "Clear" is a plain link to the page without a query, shown while a filter is set.
 */
export function FilterForm({
  action,
  label,
  active,
  clearLabel = "Clear filters",
  note,
  children,
}: {
  /** The list page's path. */
  action: string;
  /** The search landmark's name: "Filter orders". */
  label: string;
  active: boolean;
  clearLabel?: string;
  /** A line under the fields that says how they match. */
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form action={action} role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3">
      {children}
      <div className="flex items-center gap-2">
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
          Filter
        </button>
        {active ? (
          <Link href={action} className="px-2 py-2 text-sm text-indigo-700 hover:underline">
            {clearLabel}
          </Link>
        ) : null}
      </div>
      {note ? <p className="w-full text-xs text-slate-500">{note}</p> : null}
    </Form>
  );
}

/** One labelled control of the filter bar; `className` sizes it in the row. */
export function FilterField({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `${className} space-y-1` : "space-y-1"}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The created_from / created_to pair, whole UTC days, that every dated list filters by. */
export function CreatedRangeFields({ filters }: { filters: { created_from: string; created_to: string } }) {
  return (
    <>
      <FilterField id="filter-from" label="Created from">
        <input id="filter-from" name="created_from" type="date" defaultValue={filters.created_from} className={filterControl} />
      </FilterField>
      <FilterField id="filter-to" label="Created to">
        <input id="filter-to" name="created_to" type="date" defaultValue={filters.created_to} className={filterControl} />
      </FilterField>
    </>
  );
}
