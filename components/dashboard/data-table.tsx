import type { ReactNode } from "react";

const header = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";

/** The padding and alignment of a body cell; a table adds its own (numbers right, no wrapping …). */
export const cell = "px-3 py-2.5 align-top";

/** An empty value in a cell or a detail list. */
export const none = <span className="text-slate-400">—</span>;

/** A column's heading; amounts and counts are right-aligned like their cells. `false` leaves a column out. */
export type ColumnSpec = string | { label: ReactNode; align?: "right" } | false;

/**
 * The dashboard's list table: scrolls sideways on a narrow screen, and says what it lists in a caption for
 * screen readers. `children` are the body rows, one cell per column left in.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: ColumnSpec[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column, i) =>
              column === false ? null : typeof column === "string" ? (
                <th key={i} scope="col" className={header}>
                  {column}
                </th>
              ) : (
                <th key={i} scope="col" className={column.align === "right" ? `${header} text-right` : header}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** The cell that names a row (its id or name, a link to its page), for screen readers' row navigation. */
export function RowHeader({ emphasis = "normal", children }: { emphasis?: "normal" | "medium"; children: ReactNode }) {
  return (
    <th scope="row" className={`${cell} text-left ${emphasis === "medium" ? "font-medium" : "font-normal"}`}>
      {children}
    </th>
  );
}

/** A date cell: the machine-readable time, shown as `children` formats it. */
export function TimeCell({ dateTime, children }: { dateTime: string; children: ReactNode }) {
  return (
    <td className={`${cell} whitespace-nowrap text-slate-600`}>
      <time dateTime={dateTime}>{children}</time>
    </td>
  );
}
