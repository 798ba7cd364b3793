import type { ReactNode } from "react";

/** Label/value pairs (a receipt, transfer instructions), as a description list. */
export function DetailsList({ items }: { items: readonly (readonly [label: string, value: ReactNode])[] }) {
  return (
    <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-4 py-3">
          <dt className="text-slate-600">{label}</dt>
          <dd className="min-w-0 break-words text-end font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
