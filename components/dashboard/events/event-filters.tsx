import { FilterField, FilterForm, filterControl } from "@/components/dashboard/filter-form";

/** The events' filter: one event type, or all. */
export function EventFilters({ type, eventTypes }: { type: string; eventTypes: readonly string[] }) {
  return (
    <FilterForm action="/dashboard/developers/events" label="Filter events" active={!!type} clearLabel="Clear filter">
      <FilterField id="filter-type" label="Type">
        <select id="filter-type" name="type" defaultValue={type} className={`${filterControl} font-mono`}>
          <option value="">All types</option>
          {eventTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </FilterField>
    </FilterForm>
  );
}
