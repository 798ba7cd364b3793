import { formatCount } from "@/lib/i18n/format";
import Link from "next/link";
import { DataTable, RowHeader, cell } from "@/components/dashboard/data-table";
import { money } from "@/components/dashboard/links/format";
import type { TopLink } from "@/lib/services/insights";

/** The links with the most payments in the window, each with its volume in its own currency. */
export function TopLinksTable({ links }: { links: TopLink[] }) {
  return (
    <DataTable
      caption="Payment links with the most payments in the last 30 days"
      columns={["Link", { label: "Payments (30 days)", align: "right" }, { label: "Volume (30 days)", align: "right" }, { label: "Checkout views (all time)", align: "right" }]}
    >
      {links.map((link) => (
        <tr key={`${link.id}-${link.currency}`}>
          <RowHeader emphasis="medium">
            <Link href={`/dashboard/links/${link.id}`} className="text-indigo-700 hover:underline">
              {link.name}
            </Link>
          </RowHeader>
          <td className={`${cell} text-right tabular-nums`}>{formatCount(link.count)}</td>
          <td className={`${cell} text-right tabular-nums`}>{money(link.volume, link.currency)}</td>
          <td className={`${cell} text-right tabular-nums`}>{formatCount(link.allTimeVisits)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
