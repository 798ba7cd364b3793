import type { Metadata } from "next";
import { countryLabel } from "@/components/dashboard/connected/connected-merchants-table";
import { InviteToConnectedForm } from "@/components/dashboard/connected/invite-to-connected-form";
import { ConnectedPeople } from "@/components/dashboard/connected/people";
import { ConnectedLinks, ConnectedOrders } from "@/components/dashboard/connected/recent-activity";
import { DetailList, DetailRow, noneSet } from "@/components/dashboard/details";
import { formatDateTime } from "@/components/dashboard/links/format";
import { BackLink, PageHeader } from "@/components/dashboard/page-header";
import { getDb } from "@/db";
import { listTeam } from "@/db/queries/memberships";
import { listOpenInvitations } from "@/lib/services/invitations";
import { listOrders } from "@/lib/services/list-orders";
import { listPaymentLinks } from "@/lib/services/list-payment-links";
import { inviteToConnectedMerchantAction } from "../actions";
import { getConnectedOr404, getPlatformContext } from "../context";

export const metadata: Metadata = { title: "Connected merchant" };

const LATEST = "10";

/**
 * A connected merchant as its platform sees it: read-only. Its orders and links are read with the connected
 * merchant's own scope, and only after getConnectedOr404 has found it among this platform's merchants in this
 * mode. The platform's people are not made its members: they look from here, and act for it through the API.
 */
export default async function ConnectedMerchantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, canManagePeople } = await getPlatformContext();
  const merchant = await getConnectedOr404(ctx, id);
  const scope = { merchantId: merchant.id, livemode: ctx.livemode, appUrl: ctx.appUrl };
  const db = await getDb();
  // People's addresses are read only for those allowed to see them, not read and then hidden.
  const [orders, links, people] = await Promise.all([
    listOrders(db, scope, { limit: LATEST }),
    listPaymentLinks(db, scope, { limit: LATEST }),
    canManagePeople ? Promise.all([listTeam(db, { merchantId: merchant.id }), listOpenInvitations(db, merchant.id)]) : null,
  ]);
  return (
    <>
      <BackLink href="/dashboard/connected">Connected merchants</BackLink>
      <PageHeader title={merchant.name} description="A connected merchant of your platform, read-only here." />
      <section aria-labelledby="details-heading" className="max-w-3xl">
        <h2 id="details-heading" className="sr-only">
          Details
        </h2>
        <DetailList>
          <DetailRow label="ID">
            <span className="font-mono text-xs">{merchant.id}</span>
          </DetailRow>
          <DetailRow label="Country">{countryLabel(merchant.country)}</DetailRow>
          <DetailRow label="Default currency">{merchant.default_currency}</DetailRow>
          <DetailRow label="Contact email">{merchant.email ?? noneSet}</DetailRow>
          <DetailRow label="Mode">{merchant.livemode ? "Live" : "Test"}</DetailRow>
          <DetailRow label="Created">{formatDateTime(merchant.created_at)}</DetailRow>
          {Object.keys(merchant.metadata).length ? (
            <DetailRow label="Metadata">
              <span className="font-mono text-xs">{JSON.stringify(merchant.metadata)}</span>
            </DetailRow>
          ) : null}
        </DetailList>
      </section>
      <section aria-labelledby="orders-heading" className="mt-10">
        <h2 id="orders-heading" className="mb-3 text-lg font-semibold">
          Latest orders
        </h2>
        <ConnectedOrders orders={orders.data} />
      </section>
      <section aria-labelledby="links-heading" className="mt-10">
        <h2 id="links-heading" className="mb-3 text-lg font-semibold">
          Latest payment links
        </h2>
        <ConnectedLinks links={links.data} />
      </section>
      <section aria-labelledby="people-heading" className="mt-10 max-w-3xl">
        <h2 id="people-heading" className="text-lg font-semibold">
          People
        </h2>
        {people ? (
          <>
            <p className="mb-3 text-sm text-slate-600">
              Who works for {merchant.name} in its own dashboard. They see this merchant only, never your platform or its other merchants.
            </p>
            <ConnectedPeople members={people[0]} invitations={people[1]} />
            <InviteToConnectedForm scope={ctx} merchantId={merchant.id} merchantName={merchant.name} action={inviteToConnectedMerchantAction} />
          </>
        ) : (
          <p className="text-sm text-slate-600" data-testid="connected-people-owners-only">
            Only an owner of your platform can see who works for {merchant.name} and invite someone.
          </p>
        )}
      </section>
    </>
  );
}
