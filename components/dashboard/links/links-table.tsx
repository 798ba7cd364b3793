import { formatCount } from "@/lib/i18n/format";
import Link from "next/link";
import { DataTable, RowHeader, TimeCell, cell } from "@/components/dashboard/data-table";
import type { PaymentLinkObject } from "@/lib/links/serialize";
import { formatDate, money, priceLabel } from "./format";
import { LinkStatusBadge } from "./status-badge";
import { ToggleActiveForm } from "./toggle-active-form";

/** One page of links; each row can be enabled or disabled in place by a member who may write. */
export function LinksTable({
  links,
  returnTo,
  toggleAction,
}: {
  links: PaymentLinkObject[];
  returnTo: string;
  toggleAction: ((formData: FormData) => Promise<void>) | null;
}) {
  return (
    <DataTable
      caption="Payment links, newest first"
      columns={[
        "Name",
        "Item",
        { label: "Amount", align: "right" },
        "Status",
        { label: "Visits", align: "right" },
        { label: "Payments", align: "right" },
        { label: "Collected", align: "right" },
        "Created",
        !!toggleAction && { label: <span className="sr-only">Actions</span> },
      ]}
    >
      {links.map((link) => {
        const price = priceLabel(link);
        return (
          <tr key={link.id} data-testid="link-row">
            <RowHeader emphasis="medium">
              <Link href={`/dashboard/links/${link.id}`} className="text-indigo-700 hover:underline">
                {link.name}
              </Link>
            </RowHeader>
            <td className={cell}>{link.item_name}</td>
            <td className={`${cell} text-right tabular-nums`}>
              {price.main}
              {price.detail ? <span className="block text-xs text-slate-500">{price.detail}</span> : null}
            </td>
            <td className={cell}><LinkStatusBadge link={link} /></td>
            <td className={`${cell} text-right tabular-nums`}>{formatCount(link.stats.visit_count)}</td>
            <td className={`${cell} text-right tabular-nums`}>{formatCount(link.stats.pay_count)}</td>
            <td className={`${cell} text-right tabular-nums`}>{money(link.stats.success_amount, link.currency)}</td>
            <TimeCell dateTime={link.created_at}>{formatDate(link.created_at)}</TimeCell>
            {toggleAction ? (
              <td className={`${cell} text-right`}>
                <ToggleActiveForm link={link} returnTo={returnTo} action={toggleAction} />
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}
