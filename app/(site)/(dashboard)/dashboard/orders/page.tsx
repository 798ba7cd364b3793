import { Pager } from "@/components/dashboard/pager";
import type { Metadata } from "next";
import Link from "next/link";
import { ExportCsvLink } from "@/components/dashboard/insights/export-csv-link";
import { FilteredList, FirstRunState } from "@/components/dashboard/list-page";
import { OrderFilters } from "@/components/dashboard/orders/order-filters";
import { OrdersTable } from "@/components/dashboard/orders/orders-table";
import { SettleTestPaymentsForm } from "@/components/dashboard/orders/settle-test-payments-form";
import { PageHeader } from "@/components/dashboard/page-header";
import { getDb } from "@/db";
import { hasOrderFilters, orderListHref, parseOrderFilters } from "@/lib/orders/list-filters";
import { listOrders } from "@/lib/services/list-orders";
import { listOrEvery } from "../list-or-every";
import { settleTestPaymentsAction } from "./actions";
import { getOrdersContext } from "./context";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, canWrite } = await getOrdersContext();
  const { filters, params, errors } = parseOrderFilters(await searchParams);
  const db = await getDb();
  const page = await listOrEvery((p) => listOrders(db, ctx, p), params, errors, "order");
  const filtered = hasOrderFilters(filters);
  const paged = params.starting_after !== undefined;
  const last = page.data.at(-1);
  const scope = { merchantId: ctx.merchantId, livemode: ctx.livemode };
  const firstRun = page.data.length === 0 && !filtered && !paged && errors.length === 0;
  return (
    <>
      <PageHeader title="Orders" description="Every purchase, through a link or created over the API.">
        <div className="flex flex-wrap items-start gap-2">
          {/* Filters the list could not apply would not apply to the file either: fixed first. */}
          {!firstRun && errors.length === 0 ? <ExportCsvLink exportPath="/dashboard/orders/export.csv" listHref={orderListHref(filters)} noun="orders" /> : null}
          {!ctx.livemode && canWrite ? <SettleTestPaymentsForm key={ctx.merchantId} action={settleTestPaymentsAction} scope={scope} /> : null}
        </div>
      </PageHeader>
      {firstRun ? (
        <FirstRunState
          title={`No ${ctx.livemode ? "live" : "test"} orders yet`}
          action={
            <Link href="/dashboard/links" className="mt-4 inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
              Go to payment links
            </Link>
          }
        >
          An order is made each time a buyer pays through one of your payment links, or when your system creates one over the API.
          {ctx.livemode ? null : " In test mode, pay a link with the test card 4242 4242 4242 4242 to see one here."}
        </FirstRunState>
      ) : (
        <FilteredList
          filters={<OrderFilters key={orderListHref(filters)} filters={filters} active={filtered} />}
          errors={errors}
          emptyText={page.data.length ? null : paged ? "No more orders." : "No orders match these filters."}
          pager={<Pager label="Pages of orders" firstHref={paged ? orderListHref(filters) : null} nextHref={page.has_more && last ? orderListHref(filters, last.id) : null} />}
        >
          <OrdersTable orders={page.data} />
        </FilteredList>
      )}
    </>
  );
}
