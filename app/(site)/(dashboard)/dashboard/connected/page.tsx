import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationFees } from "@/components/dashboard/connected/application-fees";
import { ConnectedMerchantsTable } from "@/components/dashboard/connected/connected-merchants-table";
import { FilteredList, FirstRunState } from "@/components/dashboard/list-page";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pager } from "@/components/dashboard/pager";
import { getDb } from "@/db";
import { applicationFeeTotals } from "@/db/queries/application-fees";
import { listConnectedMerchants } from "@/lib/services/list-connected-merchants";
import { listOrEvery } from "../list-or-every";
import { getPlatformContext } from "./context";

export const metadata: Metadata = { title: "Connected merchants" };

const button = "inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700";

const href = (startingAfter?: string) => (startingAfter ? `/dashboard/connected?${new URLSearchParams({ starting_after: startingAfter })}` : "/dashboard/connected");

export default async function ConnectedMerchantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, canCreate } = await getPlatformContext();
  const cursor = (await searchParams).starting_after;
  const params: Record<string, string> = { limit: "20", ...(typeof cursor === "string" ? { starting_after: cursor } : {}) };
  const errors: string[] = [];
  const db = await getDb();
  const [page, fees] = await Promise.all([
    listOrEvery((p) => listConnectedMerchants(db, ctx, p), params, errors, "connected merchant"),
    applicationFeeTotals(db, { platformId: ctx.merchantId, livemode: ctx.livemode }),
  ]);
  const paged = params.starting_after !== undefined && errors.length === 0;
  const last = page.data.at(-1);
  const newButton = (label: string, extra = "") =>
    canCreate ? (
      <Link href="/dashboard/connected/new" className={`${button} ${extra}`}>
        {label}
      </Link>
    ) : null;
  return (
    <>
      <PageHeader title="Connected merchants" description={`The businesses your platform runs Paylink for, in ${ctx.livemode ? "live" : "test"} mode. Open one to see its orders, links and people.`}>
        {newButton("New connected merchant")}
      </PageHeader>
      <ApplicationFees totals={fees} livemode={ctx.livemode} />
      <h2 className="mb-3 text-lg font-semibold">Merchants</h2>
      {page.data.length === 0 && !paged && errors.length === 0 ? (
        <FirstRunState
          title="No connected merchants yet"
          action={newButton("Create your first connected merchant", "mt-4") ?? <p className="mt-3 text-sm text-slate-600">An owner or admin of this platform can create one.</p>}
        >
          A connected merchant is a business your platform takes payments for: its own links, orders, checkout and team, which your
          API keys act for with the Paylink-Merchant header.
        </FirstRunState>
      ) : (
        <FilteredList
          filters={null}
          errors={errors}
          emptyText={page.data.length ? null : "No more connected merchants."}
          pager={<Pager label="Pages of connected merchants" firstHref={paged ? href() : null} nextHref={page.has_more && last ? href(last.id) : null} />}
        >
          <ConnectedMerchantsTable merchants={page.data} />
        </FilteredList>
      )}
    </>
  );
}
