import Link from "next/link";
import { EndpointHealthNotice } from "@/components/dashboard/webhooks/endpoint-health-notice";
import { getDb } from "@/db";
import { countWebhookEndpoints, listUnhealthyEndpoints } from "@/db/queries/webhooks";
import type { MerchantScope } from "@/lib/core/scope";
import { toHealthView } from "./context";

const card = "block rounded-xl border border-slate-200 bg-white p-4 hover:border-indigo-300 hover:bg-indigo-50/40";

/** The Developers page's way in to webhooks and the event log, with a warning while endpoints fail. */
export async function WebhooksOverviewSection({ scope }: { scope: MerchantScope }) {
  const db = await getDb();
  const [total, unhealthy] = await Promise.all([countWebhookEndpoints(db, scope), listUnhealthyEndpoints(db, scope)]);
  const disabled = unhealthy.filter((e) => !e.enabled).length;
  const failing = unhealthy.length - disabled;
  const mode = scope.livemode ? "live" : "test";
  return (
    <section aria-labelledby="webhooks-heading" className="space-y-3">
      <h2 id="webhooks-heading" className="text-lg font-semibold">
        Webhooks and events
      </h2>
      <EndpointHealthNotice endpoints={unhealthy.map(toHealthView)} heading="h3" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Link href="/dashboard/developers/webhooks" className={card}>
          <span className="font-medium text-indigo-700">Webhooks</span>
          <span className="mt-1 block text-sm text-slate-600" data-testid="webhooks-summary">
            {total === 0
              ? `No ${mode} endpoints yet: add one to hear about payments and refunds.`
              : `${total} ${mode} endpoint${total === 1 ? "" : "s"}` +
                (disabled || failing ? ` — ${[disabled ? `${disabled} disabled` : null, failing ? `${failing} failing` : null].filter(Boolean).join(", ")}.` : ", all delivering.")}
          </span>
        </Link>
        <Link href="/dashboard/developers/events" className={card}>
          <span className="font-medium text-indigo-700">Events</span>
          <span className="mt-1 block text-sm text-slate-600">Every change to your links, orders and refunds, and where each was delivered.</span>
        </Link>
      </div>
    </section>
  );
}
