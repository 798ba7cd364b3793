import type { Metadata } from "next";
import Link from "next/link";
import { NewLinkForm } from "@/components/dashboard/links/link-form";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert } from "@/components/ui/alert";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { defaultLinkFormValues } from "@/lib/links/form";
import { createLinkAction } from "../actions";
import { getLinksContext } from "../context";

export const metadata: Metadata = { title: "New payment link" };

export default async function NewLinkPage() {
  const { canWrite, merchant } = await getLinksContext();
  return (
    <>
      <PageHeader title="New payment link" description="A shareable page where buyers pay for one item." />
      {canWrite ? (
        <NewLinkForm
          action={createLinkAction}
          initial={defaultLinkFormValues({ currency: merchant.defaultCurrency, country: merchant.country })}
          currencies={currencyOptions()}
          countries={countryOptions()}
        />
      ) : (
        <Alert tone="info">
          Only an owner or admin can create payment links. <Link href="/dashboard/links" className="font-medium underline">Back to the links</Link>
        </Alert>
      )}
    </>
  );
}
