import { formatCount } from "@/lib/i18n/format";
import { DataTable, cell } from "@/components/dashboard/data-table";
import { money } from "@/components/dashboard/links/format";
import type { CurrencyInsights } from "@/lib/services/insights";
import { fullDayLabel } from "./format";

/** Every day of the chart as a table, newest first, behind a disclosure: it works without JavaScript. */
export function DaysTable({ figures }: { figures: CurrencyInsights }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-indigo-700 hover:underline">Show each day as a table</summary>
      <div className="mt-2">
        <DataTable caption={`Payments and volume in ${figures.currency} per UTC day, newest first`} columns={["Day (UTC)", { label: "Payments", align: "right" }, { label: "Volume", align: "right" }]}>
          {[...figures.days].reverse().map((day) => (
            <tr key={day.date}>
              <th scope="row" className={`${cell} text-left font-normal whitespace-nowrap`}>
                <time dateTime={day.date}>{fullDayLabel(day.date)}</time>
              </th>
              <td className={`${cell} text-right tabular-nums`}>{formatCount(day.count)}</td>
              <td className={`${cell} text-right tabular-nums`}>{money(day.volume, figures.currency)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </details>
  );
}
