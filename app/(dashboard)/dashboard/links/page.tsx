import type { Metadata } from "next";
import { ComingNext, PageHeader } from "@/components/dashboard/page-header";
import { getDashboardContext } from "@/lib/http/session";

export const metadata: Metadata = { title: "Payment links" };

export default async function LinksPage() {
  await getDashboardContext();
  return (
    <>
      <PageHeader title="Payment links" description="Shareable links that take a payment for an item, a fixed or a buyer-chosen amount." />
      <ComingNext>
        Creating, searching and disabling payment links, with visits, payments and collected amounts per link, arrives
        here next (issue #3).
      </ComingNext>
    </>
  );
}
