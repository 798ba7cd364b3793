import { Badge } from "@/components/dashboard/badge";
import { DataTable, cell } from "@/components/dashboard/data-table";
import { EmptyNote } from "@/components/dashboard/list-page";
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
  if (keys.length === 0) return <EmptyNote>No {caption.toLowerCase()} yet.</EmptyNote>;
  return (
    <DataTable caption={caption} columns={["Name", "Key", "Created", "Last used", "Status", !!revokeAction && { label: <span className="sr-only">Actions</span> }]}>
      {keys.map((key) => {
        const revoked = key.revokedAt !== null;
        return (
          <tr key={key.id} className={revoked ? "text-slate-400" : undefined}>
            <td className={cell}>{key.name ?? <span className="text-slate-400">Unnamed</span>}</td>
            <td className={`${cell} whitespace-nowrap font-mono ${revoked ? "line-through" : ""}`}>{key.masked}</td>
            <td className={`${cell} whitespace-nowrap`}>
              <Time date={key.createdAt} />
            </td>
            <td className={`${cell} whitespace-nowrap`}>{key.lastUsedAt ? <Time date={key.lastUsedAt} /> : "Never"}</td>
            <td className={`${cell} whitespace-nowrap`}>
              {key.revokedAt ? (
                <>
                  Revoked <Time date={key.revokedAt} />
                </>
              ) : (
                <Badge tone="success">Active</Badge>
              )}
            </td>
            {revokeAction ? (
              <td className={`${cell} text-right`}>
                {revoked ? null : <RevokeApiKeyForm action={revokeAction} scope={scope} keyId={key.id} label={key.name ? `${key.name} (${key.masked})` : key.masked} />}
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}
