import { DataTable, RowHeader, TimeCell, cell, none } from "@/components/dashboard/data-table";
import { formatDate, formatDateTime, money, priceLabel } from "@/components/dashboard/links/format";
import { LinkStatusBadge } from "@/components/dashboard/links/status-badge";
import { EmptyNote } from "@/components/dashboard/list-page";
import { OrderStatusBadge } from "@/components/dashboard/orders/status-badge";
import type { PaymentLinkObject } from "@/lib/links/serialize";
import type { OrderObject } from "@/lib/orders/serialize";

// A connected merchant's latest orders and links as its platform sees them: read-only, and without links into
// the dashboard's order and link pages, which belong to the business the dashboard acts for (the platform).

/** The platform's application fee on an order or a link, in its currency. */
function fee(object: { application_fee_amount: number | null; currency: string }) {
  return object.application_fee_amount === null ? none : money(object.application_fee_amount, object.currency);
}

export function ConnectedOrders({ orders }: { orders: OrderObject[] }) {
  if (!orders.length) return <EmptyNote>No orders yet.</EmptyNote>;
  return (
    <DataTable caption="Latest orders, newest first" columns={["Order", "Item", { label: "Amount", align: "right" }, { label: "Your fee", align: "right" }, "Status", "Created"]}>
      {orders.map((order) => (
        <tr key={order.id} data-testid="connected-order-row">
          <RowHeader>
            <span className="font-mono text-xs">{order.id}</span>
          </RowHeader>
          <td className={cell}>{order.item_name}</td>
          <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>{money(order.amount, order.currency)}</td>
          <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>{fee(order)}</td>
          <td className={cell}>
            <OrderStatusBadge status={order.status} />
          </td>
          <TimeCell dateTime={order.created_at}>{formatDateTime(order.created_at)}</TimeCell>
        </tr>
      ))}
    </DataTable>
  );
}

export function ConnectedLinks({ links }: { links: PaymentLinkObject[] }) {
  if (!links.length) return <EmptyNote>No payment links yet.</EmptyNote>;
  return (
    <DataTable caption="Latest payment links, newest first" columns={["Name", { label: "Amount", align: "right" }, { label: "Your fee", align: "right" }, "Status", { label: "Payments", align: "right" }, "Created"]}>
      {links.map((link) => (
        <tr key={link.id} data-testid="connected-link-row">
          <RowHeader emphasis="medium">{link.name}</RowHeader>
          <td className={`${cell} text-right tabular-nums`}>{priceLabel(link).main}</td>
          <td className={`${cell} text-right tabular-nums`}>{fee(link)}</td>
          <td className={cell}>
            <LinkStatusBadge link={link} />
          </td>
          <td className={`${cell} text-right tabular-nums`}>{link.stats.pay_count}</td>
          <TimeCell dateTime={link.created_at}>{formatDate(link.created_at)}</TimeCell>
        </tr>
      ))}
    </DataTable>
  );
}
