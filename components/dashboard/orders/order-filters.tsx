import { CreatedRangeFields, FilterField, FilterForm, filterControl } from "@/components/dashboard/filter-form";
import type { OrderFilters as Filters } from "@/lib/orders/list-filters";
import { ORDER_STATUSES } from "@/lib/core/statuses";
import { ORDER_STATUS_LABELS } from "./format";

/** The orders' filters: payment link, status, reference and the created range. */
export function OrderFilters({ filters, active }: { filters: Filters; active: boolean }) {
  return (
    <FilterForm action="/dashboard/orders" label="Filter orders" active={active} note="Dates are whole days in UTC. A reference matches exactly.">
      <FilterField id="filter-payment-link" label="Payment link" className="min-w-48 flex-1">
        <input id="filter-payment-link" name="payment_link" type="search" defaultValue={filters.payment_link} placeholder="plink_…" className={`${filterControl} font-mono`} />
      </FilterField>
      <FilterField id="filter-status" label="Status">
        <select id="filter-status" name="status" defaultValue={filters.status} className={filterControl}>
          <option value="all">All</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ORDER_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="filter-reference" label="Reference" className="min-w-36">
        <input id="filter-reference" name="reference" type="search" maxLength={100} defaultValue={filters.reference} placeholder="Your order number" className={filterControl} />
      </FilterField>
      <CreatedRangeFields filters={filters} />
    </FilterForm>
  );
}
