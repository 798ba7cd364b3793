import { DataTable, TimeCell, cell, none } from "@/components/dashboard/data-table";
import type { RefundObject } from "@/lib/orders/serialize";
import { formatDateTime, money } from "./format";

const STATUS: Record<RefundObject["status"], string> = {
  pending: "Pending",
  succeeded: "Succeeded",
  failed: "Failed",
};

/** The order's refunds, newest first. */
export function RefundsTable({ refunds }: { refunds: RefundObject[] }) {
  return (
    <DataTable
      caption="Refunds, newest first"
      columns={[{ label: "Amount", align: "right" }, "Status", "Reason", "Created", "Id"]}
    >
      {refunds.map((refund) => (
        <tr key={refund.id} data-testid="refund-row">
          <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>{money(refund.amount, refund.currency)}</td>
          <td className={cell}>
            {STATUS[refund.status]}
            {refund.failure_reason ? <span className="block text-xs text-red-700">{refund.failure_reason}</span> : null}
          </td>
          <td className={`${cell} break-words`}>{refund.reason ?? none}</td>
          <TimeCell dateTime={refund.created_at}>{formatDateTime(refund.created_at)}</TimeCell>
          <td className={cell}>
            <code className="font-mono text-xs">{refund.id}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
