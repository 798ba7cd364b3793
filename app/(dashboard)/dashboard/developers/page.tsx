import type { Metadata } from "next";
import { ComingNext, PageHeader } from "@/components/dashboard/page-header";
import { getDashboardContext } from "@/lib/http/session";

export const metadata: Metadata = { title: "Developers" };

export default async function DevelopersPage() {
  await getDashboardContext();
  return (
    <>
      <PageHeader title="Developers" description="API keys, webhooks and the event log." />
      <ComingNext>
        API keys and the API reference arrive with issue #3; webhook endpoints and the event log with issue #5. The
        service health check is already at <code className="font-mono">/api/health</code>.
      </ComingNext>
    </>
  );
}
