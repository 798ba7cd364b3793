import { formatCount, formatMoney, formatShare } from "@/lib/i18n/format";
import type { FunnelObject } from "@/lib/services/link-funnel";

// A link's funnel by source, drawn on the server: a table (so it reads without JavaScript, to a screen reader,
// and in print) whose count cells carry a bar scaled to the most visits of any source.

const SOURCE_NAMES: Record<string, string> = { qr: "QR code", email: "Email", sms: "SMS", pdf: "PDF invoice" };

function sourceName(source: string | null): string {
  return source === null ? "Direct (no source)" : (SOURCE_NAMES[source] ?? source);
}

/** "12.5%" of `part` in `whole`; a dash when there is no whole to divide. */
export function percent(part: number, whole: number): string {
  return formatShare(part, whole) ?? "—";
}

function Bar({ value, max, tone, label }: { value: number; max: number; tone: string; label: string }) {
  const width = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round((value / max) * 100)) : 0;
  return (
    <div className="flex items-center gap-2">
      <span className="w-10 shrink-0 text-right tabular-nums">{formatCount(value)}</span>
      <span aria-hidden="true" className="h-2 flex-1 rounded-full bg-slate-100">
        <span className={`block h-2 rounded-full ${tone}`} style={{ width: `${width}%` }} title={label} />
      </span>
    </div>
  );
}

export function FunnelChart({ funnel, currency, linkName }: { funnel: FunnelObject; currency: string; linkName: string }) {
  if (funnel.sources.length === 0) return <p className="text-sm text-slate-600">No visits yet. Share the link, its QR code, or send it by email or SMS: each way is counted here.</p>;
  const max = Math.max(...funnel.sources.map((s) => s.visit_count), 1);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Where buyers of {linkName} came from: visits, payments started and paid orders by source, with conversion from visit to paid</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Source</th>
            <th scope="col" className="w-1/5 px-4 py-2 font-medium">Visits</th>
            <th scope="col" className="w-1/5 px-4 py-2 font-medium">Started</th>
            <th scope="col" className="w-1/5 px-4 py-2 font-medium">Paid</th>
            <th scope="col" className="px-4 py-2 font-medium">Conversion</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Collected</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {funnel.sources.map((s) => (
            <tr key={s.source ?? ""}>
              <th scope="row" className="px-4 py-2 font-medium text-slate-800">{sourceName(s.source)}</th>
              <td className="px-4 py-2"><Bar value={s.visit_count} max={max} tone="bg-slate-400" label="visits" /></td>
              <td className="px-4 py-2"><Bar value={s.started_count} max={max} tone="bg-indigo-400" label="started" /></td>
              <td className="px-4 py-2"><Bar value={s.pay_count} max={max} tone="bg-emerald-500" label="paid" /></td>
              <td className="px-4 py-2 tabular-nums">{percent(s.pay_count, s.visit_count)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatMoney(s.success_amount, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
