import type { Metadata } from "next";
import { ComingNext, PageHeader } from "@/components/dashboard/page-header";
import { getDashboardContext } from "@/lib/http/session";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  await getDashboardContext();
  return (
    <>
      <PageHeader title="Orders" description="Every purchase, through a link or created over the API." />
      <ComingNext>
        Orders with their payments, and the void, refund and cancel controls, arrive with the hosted checkout (issue #4).
      </ComingNext>
    </>
  );
}
