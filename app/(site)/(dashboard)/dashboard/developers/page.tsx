import type { Metadata } from "next";
import { ApiKeyTable } from "@/components/dashboard/developers/api-key-table";
import { ApiQuickstart } from "@/components/dashboard/developers/api-quickstart";
import { CreateApiKeyForm } from "@/components/dashboard/developers/create-api-key-form";
import { OnerwaySection } from "@/components/dashboard/developers/onerway/onerway-section";
import { PageHeader } from "@/components/dashboard/page-header";
import { getDb } from "@/db";
import { listApiKeys } from "@/db/queries/api-keys";
import { can } from "@/lib/accounts/permissions";
import { maskApiKey } from "@/lib/api-keys";
import { getEnv } from "@/lib/core/env";
import { getDashboardContext } from "@/lib/http/session";
import { describeOnerwayCredentials } from "@/lib/services/onerway-credentials";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { createOnerwayKeyAction, revokeOnerwayKeyAction } from "./onerway-actions";
import { WebhooksOverviewSection } from "./webhooks/overview-section";

export const metadata: Metadata = { title: "Developers" };

export default async function DevelopersPage() {
  const { current, livemode } = await getDashboardContext();
  const { merchant, role } = current;
  const canManage = can(role, "manage_settings");
  const scope = { merchantId: merchant.id, livemode };
  const db = await getDb();
  const [apiKeys, onerway] = await Promise.all([listApiKeys(db, scope), describeOnerwayCredentials(db, merchant.id)]);
  const keys = apiKeys.map((key) => ({
    id: key.id,
    name: key.name,
    masked: maskApiKey(key.prefix, key.last4),
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  }));
  const title = livemode ? "Live keys" : "Test keys";

  return (
    <>
      <PageHeader title="Developers" description="Secret API keys and the API reference, to connect your own systems to Paylink." />
      <div className="space-y-10">
        <WebhooksOverviewSection scope={scope} />
        <section aria-labelledby="api-keys-heading" className="space-y-4">
          <div>
            <h2 id="api-keys-heading" className="text-lg font-semibold">
              API keys
            </h2>
            <h3 className="mt-2 font-medium">{title}</h3>
            <p className="mt-1 max-w-3xl text-sm text-slate-600">
              {livemode ? (
                <>
                  Live keys start with <code className="font-mono">sk_live_</code> and act on live data. Keep them on your
                  server only.
                </>
              ) : (
                <>
                  Test keys start with <code className="font-mono">sk_test_</code> and see only test data: no real money
                  moves.
                </>
              )}{" "}
              Switch to {livemode ? "test" : "live"} mode at the top of the page for {livemode ? "test" : "live"} keys.
              {canManage ? null : " Only an owner or admin can create or revoke keys."}
            </p>
          </div>
          {canManage ? <CreateApiKeyForm key={`${merchant.id}:${livemode}`} action={createApiKeyAction} scope={scope} /> : null}
          <ApiKeyTable keys={keys} scope={scope} caption={title} revokeAction={canManage ? revokeApiKeyAction : undefined} />
        </section>

        <ApiQuickstart baseUrl={getEnv().APP_URL.replace(/\/+$/, "")} currency={merchant.defaultCurrency} country={merchant.country} />

        <OnerwaySection
          key={`${merchant.id}:${livemode}`}
          credentials={{ merchantNo: onerway.merchantNo, key: livemode ? onerway.live : onerway.test }}
          scope={scope}
          actions={canManage ? { create: createOnerwayKeyAction, revoke: revokeOnerwayKeyAction } : undefined}
        />
      </div>
    </>
  );
}
