import type { ErrorCodeEntry } from "@/lib/openapi/types";
import { DocsTable, rowName } from "./docs-table";
import { InlineText } from "./inline-text";

export function ErrorCodesTable({ codes }: { codes: ErrorCodeEntry[] }) {
  return (
    <DocsTable caption="Error codes" columns={["Status", "Code", "Type", "Meaning"]}>
      {codes.map((entry) => (
        <tr key={entry.code} id={`error-${entry.code}`}>
          <td className="px-3 py-2 font-mono text-xs">{entry.status}</td>
          <th scope="row" className={rowName}>
            {entry.code}
          </th>
          <td className="px-3 py-2 font-mono text-xs text-slate-600">{entry.type}</td>
          <td className="px-3 py-2 text-slate-700">
            <InlineText text={entry.description} />
          </td>
        </tr>
      ))}
    </DocsTable>
  );
}
