import Link from "next/link";
import type { PaymentLinkObject } from "@/lib/links/serialize";
import { formatDate, money, priceLabel } from "./format";
import { LinkStatusBadge } from "./status-badge";
import { ToggleActiveForm } from "./toggle-active-form";

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2.5 align-top";

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
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Payment links, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={th}>Item</th>
            <th scope="col" className={`${th} text-right`}>Amount</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={`${th} text-right`}>Visits</th>
            <th scope="col" className={`${th} text-right`}>Payments</th>
            <th scope="col" className={`${th} text-right`}>Collected</th>
            <th scope="col" className={th}>Created</th>
            {toggleAction ? <th scope="col" className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {links.map((link) => {
            const price = priceLabel(link);
            return (
              <tr key={link.id} data-testid="link-row">
                <th scope="row" className={`${td} text-left font-medium`}>
                  <Link href={`/dashboard/links/${link.id}`} className="text-indigo-700 hover:underline">
                    {link.name}
                  </Link>
                </th>
                <td className={td}>{link.item_name}</td>
                <td className={`${td} text-right tabular-nums`}>
                  {price.main}
                  {price.detail ? <span className="block text-xs text-slate-500">{price.detail}</span> : null}
                </td>
                <td className={td}><LinkStatusBadge link={link} /></td>
                <td className={`${td} text-right tabular-nums`}>{link.stats.visit_count.toLocaleString("en-US")}</td>
                <td className={`${td} text-right tabular-nums`}>{link.stats.pay_count.toLocaleString("en-US")}</td>
                <td className={`${td} text-right tabular-nums`}>{money(link.stats.success_amount, link.currency)}</td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>
                  <time dateTime={link.created_at}>{formatDate(link.created_at)}</time>
                </td>
                {toggleAction ? (
                  <td className={`${td} text-right`}>
                    <ToggleActiveForm link={link} returnTo={returnTo} action={toggleAction} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
