import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { getDashboardContext } from "@/lib/http/session";
import { NewBusinessForm } from "./new-business-form";

export const metadata: Metadata = { title: "New business" };

export default async function NewBusinessPage() {
  const { current } = await getDashboardContext();
  return (
    <>
      <PageHeader title="New business" description="Run another business from the same sign-in; you will be its owner." />
      <NewBusinessForm countries={countryOptions()} currencies={currencyOptions()} defaults={{ country: current.merchant.country, currency: current.merchant.defaultCurrency }} />
    </>
  );
}
