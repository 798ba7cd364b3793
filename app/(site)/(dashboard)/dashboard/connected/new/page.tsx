import type { Metadata } from "next";
import Link from "next/link";
import { ConnectedMerchantForm } from "@/components/dashboard/connected/connected-merchant-form";
import { BackLink, PageHeader } from "@/components/dashboard/page-header";
import { Alert } from "@/components/ui/alert";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { createConnectedMerchantAction } from "../actions";
import { getPlatformContext } from "../context";

export const metadata: Metadata = { title: "New connected merchant" };

export default async function NewConnectedMerchantPage() {
  const { ctx, canCreate, merchant } = await getPlatformContext();
  return (
    <>
      <BackLink href="/dashboard/connected">Connected merchants</BackLink>
      <PageHeader
        title="New connected merchant"
        description={`A business your platform takes payments for. It is created in ${ctx.livemode ? "live" : "test"} mode, where your keys act for it.`}
      />
      {canCreate ? (
        <ConnectedMerchantForm
          action={createConnectedMerchantAction}
          scope={ctx}
          countries={countryOptions()}
          currencies={currencyOptions()}
          defaults={{ country: merchant.country, currency: merchant.defaultCurrency }}
        />
      ) : (
        <Alert tone="info">
          Only an owner or admin can create connected merchants.{" "}
          <Link href="/dashboard/connected" className="font-medium underline">
            Back to the list
          </Link>
        </Alert>
      )}
    </>
  );
}
