import { CreatedRangeFields, FilterField, FilterForm, filterControl } from "@/components/dashboard/filter-form";
import type { LinkFilters as Filters } from "@/lib/links/list-filters";

/** The payment links' filters: search, status and the created range. */
export function LinkFilters({ filters, active }: { filters: Filters; active: boolean }) {
  return (
    <FilterForm action="/dashboard/links" label="Filter payment links" active={active} note="Dates are whole days in UTC. “Inactive” lists disabled links.">
      <FilterField id="filter-q" label="Search" className="min-w-48 flex-1">
        <input id="filter-q" name="q" type="search" defaultValue={filters.q} placeholder="Name, item or id" className={filterControl} />
      </FilterField>
      <FilterField id="filter-status" label="Status">
        <select id="filter-status" name="status" defaultValue={filters.status} className={filterControl}>
          <option value="all">All</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </select>
      </FilterField>
      <CreatedRangeFields filters={filters} />
    </FilterForm>
  );
}
