import type { Metadata } from "next";
import Link from "next/link";
import { EmptyNote } from "@/components/dashboard/list-page";
import { BackLink, PageHeader } from "@/components/dashboard/page-header";
import { CreateEndpointForm } from "@/components/dashboard/webhooks/create-endpoint-form";
import { EndpointHealthNotice } from "@/components/dashboard/webhooks/endpoint-health-notice";
import { EndpointsTable } from "@/components/dashboard/webhooks/endpoints-table";
import { PrivateUrlsBanner } from "@/components/dashboard/webhooks/private-urls-banner";
import { getDb } from "@/db";
import { listUnhealthyEndpoints } from "@/db/queries/webhooks";
import { EVENT_TYPES } from "@/lib/events/types";
import { createEndpointAction } from "./actions";
import { getWebhooksContext, listAllEndpoints, toHealthView } from "./context";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { ctx, scope, canManage, platform } = await getWebhooksContext();
  const db = await getDb();
  const [endpoints, unhealthy] = await Promise.all([listAllEndpoints(db, scope), listUnhealthyEndpoints(db, scope)]);
  const mode = scope.livemode ? "live" : "test";
  return (
    <>
      <BackLink href="/dashboard/developers">Developers</BackLink>
      <PageHeader
        title="Webhooks"
        description={`Your servers hear about every payment and refund: each ${mode}-mode event is sent, signed and retried, to the endpoints below.`}
      >
        <Link href="/dashboard/developers/events" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          Event log
        </Link>
      </PageHeader>
      {ctx.allowPrivate ? <PrivateUrlsBanner /> : null}
      <div className="space-y-8">
        <EndpointHealthNotice endpoints={unhealthy.map(toHealthView)} />
        <section aria-labelledby="endpoints-heading" className="space-y-3">
          <h2 id="endpoints-heading" className="text-lg font-semibold">
            {scope.livemode ? "Live endpoints" : "Test endpoints"}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600">
            Deliveries follow Standard Webhooks: verify the <code className="font-mono">webhook-signature</code> header with the
            endpoint’s secret and answer 2xx within 15 seconds. A failed delivery is retried, with growing pauses, for about a
            day; an endpoint where every delivery fails for days is disabled. Switch to {scope.livemode ? "test" : "live"} mode at the top of the page for{" "}
            {scope.livemode ? "test" : "live"} endpoints.
            {canManage ? null : " Only an owner or admin can add or change endpoints."}
          </p>
          {endpoints.length ? (
            <EndpointsTable endpoints={endpoints} caption={scope.livemode ? "Live endpoints" : "Test endpoints"} />
          ) : (
            <EmptyNote>No {mode} endpoints yet.</EmptyNote>
          )}
        </section>
        {canManage ? <CreateEndpointForm key={`${scope.merchantId}:${scope.livemode}`} action={createEndpointAction} scope={scope} eventTypes={EVENT_TYPES} platform={platform} /> : null}
      </div>
    </>
  );
}
