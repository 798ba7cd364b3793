import type { FieldRow } from "@/lib/openapi/reference";
import { InlineText } from "./inline-text";

/** The fields of a schema (or an operation's parameters): name, type, required, what it means and its limits. */
export function FieldTable({ caption, rows, showRequired = true }: { caption: string; rows: FieldRow[]; showRequired?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 font-mono text-xs font-medium text-slate-900">
                {row.name}
                {showRequired && row.required ? <span className="ml-1.5 font-sans text-[0.7rem] font-semibold uppercase text-red-700">required</span> : null}
              </th>
              <td className="px-3 py-2 text-xs text-slate-600">{row.type}</td>
              <td className="px-3 py-2 text-slate-700">
                <InlineText text={row.description} />
                {row.constraints.length ? (
                  <p className="mt-1 text-xs text-slate-500">
                    <InlineText text={row.constraints.join("; ")} />
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
