import { Pager } from "@/components/dashboard/pager";
import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { OrderFilters } from "@/components/dashboard/orders/order-filters";
import { OrdersTable } from "@/components/dashboard/orders/orders-table";
import { SettleTestPaymentsForm } from "@/components/dashboard/orders/settle-test-payments-form";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { hasOrderFilters, orderListHref, parseOrderFilters } from "@/lib/orders/list-filters";
import { listOrders } from "@/lib/services/list-orders";
import { settleTestPaymentsAction } from "./actions";
import { getOrdersContext } from "./context";

export const metadata: Metadata = { title: "Orders" };


export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, canWrite } = await getOrdersContext();
  const { filters, params, errors } = parseOrderFilters(await searchParams);
  const db = await getDb();
  let page;
  try {
    page = await listOrders(db, ctx, params);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    errors.push("These filters could not be applied; showing every order.");
    page = await listOrders(db, ctx, { limit: params.limit! });
  }
  const filtered = hasOrderFilters(filters);
  const paged = params.starting_after !== undefined;
  const last = page.data.at(-1);
  const scope = { merchantId: ctx.merchantId, livemode: ctx.livemode };
  return (
    <>
      <PageHeader title="Orders" description="Every purchase, through a link or created over the API.">
        {!ctx.livemode && canWrite ? <SettleTestPaymentsForm key={ctx.merchantId} action={settleTestPaymentsAction} scope={scope} /> : null}
      </PageHeader>
      {page.data.length === 0 && !filtered && !paged && errors.length === 0 ? (
        <EmptyState livemode={ctx.livemode} />
      ) : (
        <>
          {/* Keyed by the URL: a filter form already on screen must show the filters just applied or cleared. */}
          <OrderFilters key={orderListHref(filters)} filters={filters} active={filtered} />
          {errors.length ? (
            <div className="mb-4">
              <Alert>{errors.join(" ")}</Alert>
            </div>
          ) : null}
          {page.data.length ? (
            <OrdersTable orders={page.data} />
          ) : (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
              {paged ? "No more orders." : "No orders match these filters."}
            </p>
          )}
          <Pager label="Pages of orders" firstHref={paged ? orderListHref(filters) : null} nextHref={page.has_more && last ? orderListHref(filters, last.id) : null} />
        </>
      )}
    </>
  );
}

function EmptyState({ livemode }: { livemode: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
      <h2 className="text-lg font-semibold">No {livemode ? "live" : "test"} orders yet</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
        An order is made each time a buyer pays through one of your payment links, or when your system creates one over the API.
        {livemode ? null : " In test mode, pay a link with the test card 4242 4242 4242 4242 to see one here."}
      </p>
      <Link href="/dashboard/links" className="mt-4 inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
        Go to payment links
      </Link>
    </div>
  );
}
