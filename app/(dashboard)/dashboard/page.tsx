import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { countryName } from "@/lib/geo/countries";
import { isCountryCode } from "@/lib/geo/countries";
import { getDashboardContext } from "@/lib/http/session";

export const metadata: Metadata = { title: "Home" };

export default async function DashboardHome() {
  const { current, livemode } = await getDashboardContext();
  const { merchant, role } = current;
  return (
    <>
      <PageHeader title={merchant.name} description={`You are ${role === "owner" ? "the owner" : `a${role === "admin" ? "n" : ""} ${role}`} of this business.`} />
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Mode" value={livemode ? "Live" : "Test"} />
        <Stat label="Country" value={isCountryCode(merchant.country) ? countryName(merchant.country) : merchant.country} />
        <Stat label="Default currency" value={merchant.defaultCurrency} />
      </dl>
      <p className="mt-6 text-sm text-slate-600">
        Start with a <Link href="/dashboard/links" className="text-indigo-700 hover:underline">payment link</Link>, or
        set your brand in <Link href="/dashboard/settings" className="text-indigo-700 hover:underline">Settings</Link>.
      </p>
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold">{value}</dd>
    </div>
  );
}
