import type { TeamMember } from "@/db/queries/memberships";
import type { InvitationRow } from "@/db/schema";
import { EmptyNote } from "@/components/dashboard/list-page";

const list = "divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-4";

/** A connected merchant's own team and the invitations it has not answered yet (read-only here). */
export function ConnectedPeople({ members, invitations }: { members: TeamMember[]; invitations: InvitationRow[] }) {
  return (
    <>
      {members.length ? (
        <ul className={`mb-6 ${list}`} aria-label="Members">
          {members.map((m) => (
            <li key={m.userId} className="flex justify-between gap-3 py-3 text-sm">
              <span>{m.email}</span>
              <span className="text-slate-600">{m.role}</span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mb-6">
          <EmptyNote>Nobody works for this merchant in its own dashboard yet.</EmptyNote>
        </div>
      )}
      {invitations.length ? (
        <>
          <h3 className="mb-2 text-sm font-semibold">Invited, not yet accepted</h3>
          <ul className={`mb-6 ${list}`} aria-label="Invitations">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap justify-between gap-3 py-3 text-sm">
                <span>{i.email}</span>
                <span className="text-slate-600">
                  as {i.role}, until <time dateTime={i.expiresAt.toISOString()}>{i.expiresAt.toISOString().slice(0, 10)}</time>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
