import Link from "next/link";
import type { OrderObject } from "@/lib/orders/serialize";
import { formatDateTime, money, paymentLabel } from "./format";
import { OrderStatusBadge } from "./status-badge";

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2.5 align-top";
const none = <span className="text-slate-400">—</span>;

/** One page of orders, newest first; each id opens the order. A link's page leaves out the item: it is the link's. */
export function OrdersTable({ orders, caption = "Orders, newest first", showItem = true }: { orders: OrderObject[]; caption?: string; showItem?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>Order</th>
            {showItem ? <th scope="col" className={th}>Item</th> : null}
            <th scope="col" className={`${th} text-right`}>Amount</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Customer</th>
            <th scope="col" className={th}>Payment</th>
            <th scope="col" className={th}>Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((order) => (
            <tr key={order.id} data-testid="order-row">
              <th scope="row" className={`${td} text-left font-normal`}>
                <Link href={`/dashboard/orders/${order.id}`} className="font-mono text-xs text-indigo-700 hover:underline">
                  {order.id}
                </Link>
              </th>
              {showItem ? (
                <td className={td}>
                  {order.item_name}
                  {order.reference ? <span className="block text-xs text-slate-500">Ref. {order.reference}</span> : null}
                </td>
              ) : null}
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                {money(order.amount, order.currency)}
                {order.amount_refunded > 0 ? (
                  <span className="block text-xs text-slate-500">{money(order.amount_refunded, order.currency)} refunded</span>
                ) : null}
              </td>
              <td className={td}>
                <OrderStatusBadge status={order.status} />
                {order.status === "paid" && !order.settled_at ? <span className="block pt-0.5 text-xs text-slate-500">Not settled</span> : null}
              </td>
              <td className={`${td} whitespace-nowrap`}>{order.customer.email ?? none}</td>
              <td className={`${td} whitespace-nowrap`}>{paymentLabel(order.payment) ?? none}</td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                <time dateTime={order.created_at}>{formatDateTime(order.created_at)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
