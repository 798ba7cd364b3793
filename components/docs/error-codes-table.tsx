import type { ErrorCodeEntry } from "@/lib/openapi/types";
import { InlineText } from "./inline-text";

export function ErrorCodesTable({ codes }: { codes: ErrorCodeEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Error codes</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 font-medium">Code</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Meaning</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {codes.map((entry) => (
            <tr key={entry.code} id={`error-${entry.code}`}>
              <td className="px-3 py-2 font-mono text-xs">{entry.status}</td>
              <th scope="row" className="whitespace-nowrap px-3 py-2 font-mono text-xs font-medium text-slate-900">{entry.code}</th>
              <td className="px-3 py-2 font-mono text-xs text-slate-600">{entry.type}</td>
              <td className="px-3 py-2 text-slate-700">
                <InlineText text={entry.description} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
