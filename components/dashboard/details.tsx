import type { ReactNode } from "react";

/** A value an object does not have, in a details list. */
// slate-500: 4.8:1 on white (slate-400 was 2.6:1, below WCAG AA for text).
export const noneSet = <span className="text-slate-500">None</span>;

/** An object's fields as a description list, one labelled row each (`<DetailRow>`). */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="divide-y divide-slate-100">{children}</dl>;
}

export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** A row of figures in cards: a link's visits and takings, a business's mode and currency. */
export function Stats({ stats }: { stats: { label: string; value: string }[] }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {stats.map((s) => (
        <div key={s.label} className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{s.label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
