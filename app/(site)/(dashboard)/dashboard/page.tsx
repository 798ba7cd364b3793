import { formatCountry } from "@/lib/i18n/format";
import type { Metadata } from "next";
import Link from "next/link";
import { Stats } from "@/components/dashboard/details";
import { InsightsSection } from "@/components/dashboard/insights/insights-section";
import { PageHeader } from "@/components/dashboard/page-header";
import { getDb } from "@/db";

import { isCountryCode } from "@/lib/geo/countries";
import { getDashboardContext } from "@/lib/http/session";
import { getInsights } from "@/lib/services/insights";

export const metadata: Metadata = { title: "Home" };

export default async function DashboardHome() {
  const { current, livemode } = await getDashboardContext();
  const { merchant, role } = current;
  const insights = await getInsights(await getDb(), { merchantId: merchant.id, livemode });
  return (
    <>
      <PageHeader title={merchant.name} description={`You are ${role === "owner" ? "the owner" : `a${role === "admin" ? "n" : ""} ${role}`} of this business.`} />
      <Stats
        stats={[
          { label: "Mode", value: livemode ? "Live" : "Test" },
          { label: "Country", value: isCountryCode(merchant.country) ? formatCountry(merchant.country) : merchant.country },
          { label: "Default currency", value: merchant.defaultCurrency },
        ]}
      />
      <p className="mt-6 text-sm text-slate-600">
        Start with a <Link href="/dashboard/links" className="text-indigo-700 underline hover:text-indigo-900">payment link</Link>, or
        set your brand in <Link href="/dashboard/settings" className="text-indigo-700 underline hover:text-indigo-900">Settings</Link>.
      </p>
      <InsightsSection insights={insights} livemode={livemode} firstCurrency={merchant.defaultCurrency} />
    </>
  );
}
