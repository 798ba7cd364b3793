import { formatDateTime } from "./format";
import { RevokeApiKeyForm } from "./revoke-api-key-form";
import type { ApiKeyView, KeyFormScope, RevokeApiKeyAction } from "./types";

function Time({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

/** The keys of one mode, newest first; revoked ones stay listed, struck out, so their history is visible. */
export function ApiKeyTable({
  keys,
  scope,
  revokeAction,
  caption,
}: {
  keys: ApiKeyView[];
  scope: KeyFormScope;
  /** Given to owners and admins only: without it the list is read-only. */
  revokeAction?: RevokeApiKeyAction;
  caption: string;
}) {
  if (keys.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No {caption.toLowerCase()} yet.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Key</th>
            <th scope="col" className="px-4 py-2 font-medium">Created</th>
            <th scope="col" className="px-4 py-2 font-medium">Last used</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            {revokeAction ? (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {keys.map((key) => {
            const revoked = key.revokedAt !== null;
            return (
              <tr key={key.id} className={`align-top ${revoked ? "text-slate-400" : ""}`}>
                <td className="px-4 py-3">{key.name ?? <span className="text-slate-400">Unnamed</span>}</td>
                <td className={`whitespace-nowrap px-4 py-3 font-mono ${revoked ? "line-through" : ""}`}>{key.masked}</td>
                <td className="whitespace-nowrap px-4 py-3">
                  <Time date={key.createdAt} />
                </td>
                <td className="whitespace-nowrap px-4 py-3">{key.lastUsedAt ? <Time date={key.lastUsedAt} /> : "Never"}</td>
                <td className="whitespace-nowrap px-4 py-3">
                  {key.revokedAt ? (
                    <>
                      Revoked <Time date={key.revokedAt} />
                    </>
                  ) : (
                    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span>
                  )}
                </td>
                {revokeAction ? (
                  <td className="px-4 py-2 text-right">
                    {revoked ? null : <RevokeApiKeyForm action={revokeAction} scope={scope} keyId={key.id} label={key.name ? `${key.name} (${key.masked})` : key.masked} />}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
