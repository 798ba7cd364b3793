import type { RefundObject } from "@/lib/orders/serialize";
import { formatDateTime, money } from "./format";

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2.5 align-top";

const STATUS: Record<RefundObject["status"], string> = {
  pending: "Pending",
  succeeded: "Succeeded",
  failed: "Failed",
};

/** The order's refunds, newest first. */
export function RefundsTable({ refunds }: { refunds: RefundObject[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Refunds, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} text-right`}>Amount</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Reason</th>
            <th scope="col" className={th}>Created</th>
            <th scope="col" className={th}>Id</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {refunds.map((refund) => (
            <tr key={refund.id} data-testid="refund-row">
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{money(refund.amount, refund.currency)}</td>
              <td className={td}>
                {STATUS[refund.status]}
                {refund.failure_reason ? <span className="block text-xs text-red-700">{refund.failure_reason}</span> : null}
              </td>
              <td className={`${td} break-words`}>{refund.reason ?? <span className="text-slate-400">—</span>}</td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                <time dateTime={refund.created_at}>{formatDateTime(refund.created_at)}</time>
              </td>
              <td className={td}>
                <code className="font-mono text-xs">{refund.id}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
