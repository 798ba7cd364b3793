import Link from "next/link";
import { DataTable, RowHeader, TimeCell, cell, none } from "@/components/dashboard/data-table";
import type { OrderObject } from "@/lib/orders/serialize";
import { formatDateTime, money, paymentLabel } from "./format";
import { OrderStatusBadge } from "./status-badge";

/** One page of orders, newest first; each id opens the order. A link's page leaves out the item: it is the link's. */
export function OrdersTable({ orders, caption = "Orders, newest first", showItem = true }: { orders: OrderObject[]; caption?: string; showItem?: boolean }) {
  return (
    <DataTable
      caption={caption}
      columns={["Order", showItem && "Item", { label: "Amount", align: "right" }, "Status", "Customer", "Payment", "Created"]}
    >
      {orders.map((order) => (
        <tr key={order.id} data-testid="order-row">
          <RowHeader>
            <Link href={`/dashboard/orders/${order.id}`} className="font-mono text-xs text-indigo-700 hover:underline">
              {order.id}
            </Link>
          </RowHeader>
          {showItem ? (
            <td className={cell}>
              {order.item_name}
              {order.reference ? <span className="block text-xs text-slate-500">Ref. {order.reference}</span> : null}
            </td>
          ) : null}
          <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
            {money(order.amount, order.currency)}
            {order.amount_refunded > 0 ? (
              <span className="block text-xs text-slate-500">{money(order.amount_refunded, order.currency)} refunded</span>
            ) : null}
          </td>
          <td className={cell}>
            <OrderStatusBadge status={order.status} />
            {order.status === "paid" && !order.settled_at ? <span className="block pt-0.5 text-xs text-slate-500">Not settled</span> : null}
          </td>
          <td className={`${cell} whitespace-nowrap`}>{order.customer.email ?? none}</td>
          <td className={`${cell} whitespace-nowrap`}>{paymentLabel(order.payment) ?? none}</td>
          <TimeCell dateTime={order.created_at}>{formatDateTime(order.created_at)}</TimeCell>
        </tr>
      ))}
    </DataTable>
  );
}
