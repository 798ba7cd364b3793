import type { FieldRow } from "@/lib/openapi/reference";
import { DocsTable, rowName } from "./docs-table";
import { InlineText } from "./inline-text";

/** The fields of a schema (or an operation's parameters): name, type, required, what it means and its limits. */
export function FieldTable({ caption, rows, showRequired = true }: { caption: string; rows: FieldRow[]; showRequired?: boolean }) {
  return (
    <DocsTable caption={caption} columns={["Name", "Type", "Description"]}>
      {rows.map((row) => (
        <tr key={row.name}>
          <th scope="row" className={rowName}>
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
    </DocsTable>
  );
}
