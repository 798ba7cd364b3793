import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { listActiveApiKeysCreatedBy } from "@/db/queries/api-keys";
import { listTeam } from "@/db/queries/memberships";
import { findUserById } from "@/db/queries/users";
import { maskApiKey } from "@/lib/api-keys";
import { can } from "@/lib/accounts/permissions";
import { getDashboardContext } from "@/lib/http/session";
import { CallbackSecretSection } from "./callback-secret-section";
import { PasswordForm } from "./password-form";
import { PlatformSection } from "./platform-section";
import { RemovedMemberKeys } from "./removed-member-keys";
import { rollKeysAction } from "./roll-keys-actions";
import { SettingsForm } from "./settings-form";
import { InviteMemberForm, MemberRow } from "./team-section";
import { listOpenInvitations } from "@/lib/services/invitations";
import { revokeInvitationAction } from "../../actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ removed?: string }> }) {
  const { current, user } = await getDashboardContext();
  const { merchant, role } = current;
  const canEdit = can(role, "manage_settings");
  const canManageTeam = can(role, "manage_team");
  const db = await getDb();
  const team = await listTeam(db, { merchantId: merchant.id });
  const invitations = canManageTeam ? await listOpenInvitations(db, merchant.id) : [];
  const removed = canEdit ? await removedMemberKeys(db, merchant.id, (await searchParams).removed, team) : null;
  return (
    <>
      <PageHeader title="Settings" description={canEdit ? "Your business as buyers see it on the checkout." : "Only an owner or admin can change these settings."} />
      <SettingsForm
        key={merchant.id}
        canEdit={canEdit}
        countries={countryOptions()}
        currencies={currencyOptions()}
        initial={{
          businessName: merchant.name,
          country: merchant.country,
          currency: merchant.defaultCurrency,
          brandColor: merchant.brandColor,
          logoUrl: merchant.logoUrl ?? "",
          sendReceipts: merchant.sendReceipts ? "on" : "",
        }}
      />
      <CallbackSecretSection />
      <PlatformSection />
      <section aria-labelledby="team-heading" className="mt-10 max-w-3xl">
        <h2 id="team-heading" className="text-lg font-semibold">Team</h2>
        <p className="mb-3 text-sm text-slate-600">
          {canManageTeam ? "Owners manage the team. A business always keeps at least one owner." : "Only an owner can change the team."}
        </p>
        {removed ? (
          <div className="mb-6">
            <RemovedMemberKeys {...removed} merchantId={merchant.id} action={rollKeysAction} />
          </div>
        ) : null}
        {canManageTeam ? (
          <>
            <ul className="mb-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-4">
              {team.map((m) => (
                <MemberRow key={m.userId} member={{ userId: m.userId, email: m.email, role: m.role, isYou: m.userId === user.id }} />
              ))}
            </ul>
            {invitations.length ? (
              <>
                <h3 className="mb-2 text-sm font-semibold">Invited, not yet accepted</h3>
                <ul className="mb-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-4">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                      <span>
                        {i.email} <span className="text-slate-500">as {i.role}, until {i.expiresAt.toISOString().slice(0, 10)}</span>
                      </span>
                      <form action={revokeInvitationAction}>
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" aria-label={`Withdraw the invitation of ${i.email}`} className="rounded-md px-2 py-1.5 text-red-700 hover:bg-red-50">
                          Withdraw
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <InviteMemberForm />
          </>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-4">
            {team.map((m) => (
              <li key={m.userId} className="flex justify-between py-3 text-sm">
                <span>{m.email}</span>
                <span className="text-slate-600">{m.role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="password-heading" className="mt-10 max-w-3xl">
        <h2 id="password-heading" className="text-lg font-semibold">Your account</h2>
        <p className="mb-3 text-sm text-slate-600">
          Signed in as {user.email}. Changing your password signs you out everywhere else.
        </p>
        <PasswordForm email={user.email} />
      </section>
    </>
  );
}

/** After a removal (`?removed=usr_…`): the person, if no longer on the team, and the keys they made that still work. */
async function removedMemberKeys(db: Db, merchantId: string, userId: string | undefined, team: { userId: string }[]) {
  if (!userId || team.some((m) => m.userId === userId)) return null;
  const [person, keys] = await Promise.all([findUserById(db, userId), listActiveApiKeysCreatedBy(db, { merchantId, userId })]);
  if (!person || keys.length === 0) return null;
  return {
    email: person.email,
    userId,
    keys: keys.map((k) => ({ id: k.id, name: k.name, livemode: k.livemode, masked: maskApiKey(k.prefix, k.last4) })),
  };
}
