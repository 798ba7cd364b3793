import type { ReactNode } from "react";

/** A table of the API reference: a caption for screen readers, uppercase column heads, the rows given. */
export function DocsTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    // Focusable, so a keyboard can scroll it when it overflows (axe: scrollable-region-focusable).
    <div tabIndex={0} role="region" aria-label={caption} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{children}</tbody>
      </table>
    </div>
  );
}

/** The cell that names a row: a field or an error code. */
export const rowName = "whitespace-nowrap px-3 py-2 font-mono text-xs font-medium text-slate-900";
