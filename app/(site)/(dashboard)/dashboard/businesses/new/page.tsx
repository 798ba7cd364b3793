import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { getSessionContext } from "@/lib/http/session";
import { NewBusinessForm } from "./new-business-form";

export const metadata: Metadata = { title: "New business" };

export default async function NewBusinessPage() {
  const { current } = await getSessionContext();
  return (
    <>
      <PageHeader title="New business" description={current ? "Run another business from the same sign-in; you will be its owner." : "You are not on any business's team any more. Create one, or ask an owner to add you."} />
      <NewBusinessForm countries={countryOptions()} currencies={currencyOptions()} defaults={{ country: current?.merchant.country ?? "US", currency: current?.merchant.defaultCurrency ?? "USD" }} />
    </>
  );
}
