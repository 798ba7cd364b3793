import Form from "next/form";
import Link from "next/link";
import type { OrderFilters as Filters } from "@/lib/orders/list-filters";
import { ORDER_STATUSES } from "@/lib/core/statuses";
import { ORDER_STATUS_LABELS } from "./format";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30";
const label = "block text-xs font-medium text-slate-600";

/** The orders' filters as a GET form: the URL holds them, so a filtered list can be bookmarked or shared. */
export function OrderFilters({ filters, active }: { filters: Filters; active: boolean }) {
  return (
    <Form action="/dashboard/orders" role="search" aria-label="Filter orders" className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3">
      <div className="min-w-48 flex-1 space-y-1">
        <label htmlFor="filter-payment-link" className={label}>Payment link</label>
        <input id="filter-payment-link" name="payment_link" type="search" defaultValue={filters.payment_link} placeholder="plink_…" className={`${control} font-mono`} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-status" className={label}>Status</label>
        <select id="filter-status" name="status" defaultValue={filters.status} className={control}>
          <option value="all">All</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ORDER_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-36 space-y-1">
        <label htmlFor="filter-reference" className={label}>Reference</label>
        <input id="filter-reference" name="reference" type="search" maxLength={100} defaultValue={filters.reference} placeholder="Your order number" className={control} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-from" className={label}>Created from</label>
        <input id="filter-from" name="created_from" type="date" defaultValue={filters.created_from} className={control} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-to" className={label}>Created to</label>
        <input id="filter-to" name="created_to" type="date" defaultValue={filters.created_to} className={control} />
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
          Filter
        </button>
        {active ? (
          <Link href="/dashboard/orders" className="px-2 py-2 text-sm text-indigo-700 hover:underline">
            Clear filters
          </Link>
        ) : null}
      </div>
      <p className="w-full text-xs text-slate-500">Dates are whole days in UTC. A reference matches exactly.</p>
    </Form>
  );
}
