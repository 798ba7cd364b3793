import type { Metadata } from "next";
import Link from "next/link";
import { none } from "@/components/dashboard/data-table";
import { formatDateTime } from "@/components/dashboard/events/format";
import { EmptyNote } from "@/components/dashboard/list-page";
import { BackLink } from "@/components/dashboard/page-header";
import { DeleteEndpointForm } from "@/components/dashboard/webhooks/delete-endpoint-form";
import { DeliveriesList } from "@/components/dashboard/webhooks/deliveries-list";
import { EndpointStatusBadge } from "@/components/dashboard/webhooks/delivery-status-badge";
import { EditEndpointForm } from "@/components/dashboard/webhooks/edit-endpoint-form";
import { EndpointEnabledForm } from "@/components/dashboard/webhooks/endpoint-enabled-form";
import { EventsLabel } from "@/components/dashboard/webhooks/endpoints-table";
import { PrivateUrlsBanner } from "@/components/dashboard/webhooks/private-urls-banner";
import { RotateSecretForm } from "@/components/dashboard/webhooks/rotate-secret-form";
import type { WebhookFormScope } from "@/components/dashboard/webhooks/types";
import { getDb } from "@/db";
import { listEndpointDeliveries } from "@/db/queries/webhooks";
import { EVENT_TYPES } from "@/lib/events/types";
import type { WebhookEndpointObject } from "@/lib/webhooks/serialize";
import { deleteEndpointAction, resendEventAction, rotateEndpointSecretAction, setEndpointEnabledAction, updateEndpointAction } from "../actions";
import { getEndpointOr404, getWebhooksContext, toDeliveryView } from "../context";

export const metadata: Metadata = { title: "Webhook endpoint" };

const DELIVERIES_PAGE_SIZE = 20;
const MESSAGE_ID = /^msg_[0-9A-Za-z]+$/;
const pager = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { ctx, scope, canManage, platform } = await getWebhooksContext();
  const db = await getDb();
  const endpoint = await getEndpointOr404(db, scope, id);
  const cursor = typeof search.starting_after === "string" && MESSAGE_ID.test(search.starting_after) ? search.starting_after : undefined;
  const deliveries = await listEndpointDeliveries(db, scope, endpoint.id, { startingAfter: cursor, limit: DELIVERIES_PAGE_SIZE });
  const views = deliveries.data.map(toDeliveryView);
  const here = `/dashboard/developers/webhooks/${endpoint.id}`;
  return (
    <>
      <BackLink href="/dashboard/developers/webhooks">Webhooks</BackLink>
      <div className="mb-6">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          <span className="font-mono text-xl break-all">{endpoint.url}</span>
          <EndpointStatusBadge endpoint={endpoint} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {endpoint.description ? `${endpoint.description} · ` : null}
          <code className="font-mono text-xs">{endpoint.id}</code> · {endpoint.livemode ? "Live" : "Test"} mode · added{" "}
          <time dateTime={endpoint.created_at}>{formatDateTime(endpoint.created_at)}</time>
        </p>
      </div>
      {ctx.allowPrivate ? <PrivateUrlsBanner /> : null}
      <div className="max-w-4xl space-y-6">
        <HealthNotice endpoint={endpoint} canManage={canManage} />
        <section aria-labelledby="settings-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="settings-heading" className="text-base font-semibold">Settings</h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Events</dt>
            <dd>
              <EventsLabel events={endpoint.events} />
            </dd>
            {platform || endpoint.connect ? (
              <>
                <dt className="text-slate-500">Connected merchants</dt>
                <dd data-testid="endpoint-connect">{endpoint.connect ? "Their events are sent here too" : "Not sent here: only this business's own events"}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Description</dt>
            <dd>{endpoint.description ?? none}</dd>
            <dt className="text-slate-500">Signing secret</dt>
            <dd className="text-slate-600">Shown once, when the endpoint is added and each time the secret is rotated.</dd>
          </dl>
          {canManage ? <Controls endpoint={endpoint} scope={scope} platform={platform} /> : <p className="text-sm text-slate-600">Only an owner or admin can change this endpoint or resend events.</p>}
        </section>
        <section aria-labelledby="deliveries-heading" className="space-y-3">
          <h2 id="deliveries-heading" className="text-base font-semibold">
            {cursor ? "Older deliveries" : "Recent deliveries"}
          </h2>
          {views.length ? (
            <DeliveriesList deliveries={views} show="event" resend={canManage ? { action: resendEventAction, scope } : undefined} />
          ) : (
            <EmptyNote>
              {cursor ? "No older deliveries." : "Nothing has been sent here yet. Deliveries appear as soon as an event this endpoint listens to happens."}
            </EmptyNote>
          )}
          {cursor || deliveries.hasMore ? (
            <nav aria-label="Pages of deliveries" className="flex gap-2">
              {cursor ? (
                <Link href={here} className={pager}>
                  Newest deliveries
                </Link>
              ) : null}
              {deliveries.hasMore && views.length ? (
                <Link href={`${here}?starting_after=${views.at(-1)!.id}`} className={pager}>
                  Older deliveries
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      </div>
    </>
  );
}

/** Why the endpoint is disabled, or since when it has failed; nothing while it is healthy. */
function HealthNotice({ endpoint, canManage }: { endpoint: WebhookEndpointObject; canManage: boolean }) {
  if (endpoint.enabled && !endpoint.failing_since) return null;
  return (
    <div role="note" aria-label="Endpoint health" data-testid="endpoint-health-notice" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-950">
      {!endpoint.enabled ? (
        <>
          <p className="font-semibold">{endpoint.disabled_reason ?? "Disabled by a team member."}</p>
          <p className="mt-1">
            Nothing is sent to this endpoint while it is disabled.
            {canManage ? " Enable it once your server answers again, then resend the events it missed from the list below." : null}
          </p>
        </>
      ) : (
        <>
          <p className="font-semibold">
            Every delivery has failed since <time dateTime={endpoint.failing_since!}>{formatDateTime(endpoint.failing_since!)}</time>.
          </p>
          <p className="mt-1">Failed deliveries are retried on their schedule. If every delivery keeps failing for days, the endpoint is disabled.</p>
        </>
      )}
    </div>
  );
}

/** The owner's and admin's controls: edit, enable or disable, rotate the secret, delete. */
function Controls({ endpoint, scope, platform }: { endpoint: WebhookEndpointObject; scope: WebhookFormScope; platform: boolean }) {
  const common = { scope, endpointId: endpoint.id };
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4">
      {/* After a save React resets the form to its defaults, which are then what was saved. */}
      <EditEndpointForm
        action={updateEndpointAction}
        initial={{ url: endpoint.url, events: endpoint.events, description: endpoint.description ?? "", connect: endpoint.connect }}
        eventTypes={EVENT_TYPES}
        platform={platform}
        {...common}
      />
      <div className="space-y-1">
        <EndpointEnabledForm action={setEndpointEnabledAction} enabled={endpoint.enabled} {...common} />
        <p className="text-xs text-slate-500">
          {endpoint.enabled ? "A disabled endpoint receives nothing until it is enabled again." : "Enabling clears the failure record; new events are sent again."}
        </p>
      </div>
      <RotateSecretForm action={rotateEndpointSecretAction} {...common} />
      <DeleteEndpointForm action={deleteEndpointAction} url={endpoint.url} {...common} />
    </div>
  );
}
