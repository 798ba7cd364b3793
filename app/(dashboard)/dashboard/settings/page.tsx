import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { getDb } from "@/db";
import { listTeam } from "@/db/queries/memberships";
import { can } from "@/lib/accounts/permissions";
import { getDashboardContext } from "@/lib/http/session";
import { CallbackSecretSection } from "./callback-secret-section";
import { SettingsForm } from "./settings-form";
import { AddMemberForm, MemberRow } from "./team-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { current, user } = await getDashboardContext();
  const { merchant, role } = current;
  const canEdit = can(role, "manage_settings");
  const canManageTeam = can(role, "manage_team");
  const team = await listTeam(await getDb(), { merchantId: merchant.id });
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
        }}
      />
      <CallbackSecretSection />
      <section aria-labelledby="team-heading" className="mt-10 max-w-3xl">
        <h2 id="team-heading" className="text-lg font-semibold">Team</h2>
        <p className="mb-3 text-sm text-slate-600">
          {canManageTeam ? "Owners manage the team. A business always keeps at least one owner." : "Only an owner can change the team."}
        </p>
        {canManageTeam ? (
          <>
            <ul className="mb-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-4">
              {team.map((m) => (
                <MemberRow key={m.userId} member={{ userId: m.userId, email: m.email, role: m.role, isYou: m.userId === user.id }} />
              ))}
            </ul>
            <AddMemberForm />
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
    </>
  );
}
