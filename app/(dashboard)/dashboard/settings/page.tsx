import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { can } from "@/lib/accounts/permissions";
import { getDashboardContext } from "@/lib/http/session";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { current } = await getDashboardContext();
  const { merchant, role } = current;
  const canEdit = can(role, "manage_settings");
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
    </>
  );
}
