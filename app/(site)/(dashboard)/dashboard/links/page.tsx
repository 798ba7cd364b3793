import { Pager } from "@/components/dashboard/pager";
import type { Metadata } from "next";
import Link from "next/link";
import { ExportCsvLink } from "@/components/dashboard/insights/export-csv-link";
import { FilteredList, FirstRunState } from "@/components/dashboard/list-page";
import { LinkFilters } from "@/components/dashboard/links/link-filters";
import { LinksTable } from "@/components/dashboard/links/links-table";
import { PageHeader } from "@/components/dashboard/page-header";
import { getDb } from "@/db";
import { hasLinkFilters, linkListHref, parseLinkFilters } from "@/lib/links/list-filters";
import { listPaymentLinks } from "@/lib/services/list-payment-links";
import { listOrEvery } from "../list-or-every";
import { setLinkActiveAction } from "./actions";
import { getLinksContext } from "./context";

export const metadata: Metadata = { title: "Payment links" };

const button = "inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700";

export default async function LinksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, canWrite } = await getLinksContext();
  const { filters, params, errors } = parseLinkFilters(await searchParams);
  const db = await getDb();
  const page = await listOrEvery((p) => listPaymentLinks(db, ctx, p), params, errors, "link");
  const filtered = hasLinkFilters(filters);
  const paged = params.starting_after !== undefined;
  const last = page.data.at(-1);
  const returnTo = linkListHref(filters, params.starting_after);
  const firstRun = page.data.length === 0 && !filtered && !paged && errors.length === 0;
  return (
    <>
      <PageHeader title="Payment links" description="Shareable links that take a payment for an item, a fixed or a buyer-chosen amount.">
        <div className="flex flex-wrap items-start gap-2">
          {/* Filters the list could not apply would not apply to the file either: fixed first. */}
          {!firstRun && errors.length === 0 ? <ExportCsvLink exportPath="/dashboard/links/export.csv" listHref={linkListHref(filters)} noun="payment links" /> : null}
          {canWrite ? (
            <Link href="/dashboard/links/new" className={button}>
              New payment link
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {firstRun ? (
        <FirstRunState
          title="No payment links yet"
          action={
            canWrite ? (
              <Link href="/dashboard/links/new" className={`${button} mt-4`}>
                Create your first payment link
              </Link>
            ) : (
              <p className="mt-3 text-sm text-slate-600">An owner or admin of this business can create one.</p>
            )
          }
        >
          A payment link is a page you can share anywhere — a chat, an email, a QR code — where buyers pay for an item by card,
          wallet or bank transfer.
        </FirstRunState>
      ) : (
        <FilteredList
          filters={<LinkFilters key={linkListHref(filters)} filters={filters} active={filtered} />}
          errors={errors}
          emptyText={page.data.length ? null : paged ? "No more links." : "No payment links match these filters."}
          pager={<Pager label="Pages of payment links" firstHref={paged ? linkListHref(filters) : null} nextHref={page.has_more && last ? linkListHref(filters, last.id) : null} />}
        >
          <LinksTable links={page.data} returnTo={returnTo} toggleAction={canWrite ? setLinkActiveAction : null} />
        </FilteredList>
      )}
    </>
  );
}
