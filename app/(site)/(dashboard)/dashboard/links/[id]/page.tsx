import { LIVE_MODE_NOTES } from "@/components/dashboard/live-mode";
import { liveModeStatus } from "@/lib/processor";
import type { Metadata } from "next";
import Link from "next/link";
import { CopyLink } from "@/components/dashboard/links/copy-link";
import { LinkFixedSettings, LinkSettings, LinkStats } from "@/components/dashboard/links/link-details";
import { LinkStatusBadge } from "@/components/dashboard/links/status-badge";
import { ToggleActiveForm } from "@/components/dashboard/links/toggle-active-form";
import { EmptyNote } from "@/components/dashboard/list-page";
import { OrdersTable } from "@/components/dashboard/orders/orders-table";
import { BackLink } from "@/components/dashboard/page-header";
import { getDb } from "@/db";
import { orderListHref } from "@/lib/orders/list-filters";
import { listOrders } from "@/lib/services/list-orders";
import { setLinkActiveAction } from "../actions";
import { sendToBuyerAction } from "../../messages/actions";
import { FunnelChart } from "@/components/dashboard/links/funnel-chart";
import { MessagesSection } from "@/components/messages/messages-section";
import { SendDialog } from "@/components/messages/send-dialog";
import { QrPanel } from "@/components/documents/qr-panel";
import { listMessages as listMessageRows } from "@/db/queries/messages";
import { getLinkFunnel } from "@/lib/services/link-funnel";
import { getLinkOr404, getLinksContext } from "../context";

export const metadata: Metadata = { title: "Payment link" };

const LATEST_ORDERS = 10;
const LATEST_MESSAGES = 10;

export default async function LinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, canWrite } = await getLinksContext();
  const link = await getLinkOr404(ctx, id);
  const db = await getDb();
  const [orders, funnel, messages] = await Promise.all([
    listOrders(db, ctx, { payment_link: link.id, limit: String(LATEST_ORDERS) }),
    getLinkFunnel(db, ctx, link.id),
    listMessageRows(db, ctx, { paymentLinkId: link.id, limit: LATEST_MESSAGES }),
  ]);
  const scope = { merchantId: ctx.merchantId, livemode: ctx.livemode };
  return (
    <>
      <BackLink href="/dashboard/links">Payment links</BackLink>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {link.name}
            <LinkStatusBadge link={link} />
          </h1>
          {link.name !== link.item_name ? <p className="mt-1 text-sm text-slate-600">Sells {link.item_name}</p> : null}
        </div>
        {canWrite ? (
          <div className="flex items-center gap-2">
            <Link href={`/dashboard/links/${link.id}/edit`} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
              Edit<span className="sr-only"> {link.name}</span>
            </Link>
            <ToggleActiveForm link={link} returnTo={`/dashboard/links/${link.id}`} action={setLinkActiveAction} size="normal" />
          </div>
        ) : null}
      </div>
      <div className="max-w-3xl space-y-6">
        <section aria-label="Share" className="rounded-xl border border-slate-200 bg-white p-5">
          <CopyLink url={link.url} />
          <p className="text-xs text-slate-500">
            Share it anywhere. {!link.livemode ? "Test mode: payments through it are simulated." : LIVE_MODE_NOTES[liveModeStatus()]}
          </p>
        </section>
        <QrPanel url={link.url} label={link.name} />
        <section aria-labelledby="stats-heading">
          <h2 id="stats-heading" className="sr-only">Statistics</h2>
          <LinkStats link={link} />
        </section>
        <section aria-labelledby="funnel-heading" className="space-y-3">
          <div>
            <h2 id="funnel-heading" className="text-base font-semibold">Where buyers come from</h2>
            <p className="text-sm text-slate-600">
              By the <code className="font-mono text-xs">src</code> on the checkout URL they opened: Paylink&apos;s QR codes, emails and SMS add theirs; add your own, like <code className="font-mono text-xs">?src=newsletter</code>.
            </p>
          </div>
          <FunnelChart funnel={funnel} currency={link.currency} linkName={link.name} />
        </section>
        <MessagesSection
          messages={messages.data}
          empty="Nothing sent yet. Send the link to a buyer by email or SMS: its URL carries src=email or src=sms, so the funnel shows what it brought."
          send={
            canWrite && link.active ? (
              <SendDialog action={sendToBuyerAction} scope={scope} target={{ kind: "link", id: link.id }} note={`The buyer receives ${link.item_name}${link.amount !== null ? "" : " (they choose the amount)"} with a button to this link's checkout.`} />
            ) : null
          }
        />
        <section aria-labelledby="orders-heading" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="orders-heading" className="text-base font-semibold">Latest orders</h2>
            {orders.data.length ? (
              <Link href={orderListHref({ payment_link: link.id })} className="text-sm text-indigo-700 hover:underline">
                All orders of this link
              </Link>
            ) : null}
          </div>
          {orders.data.length ? (
            <OrdersTable orders={orders.data} showItem={false} caption={`The latest orders through ${link.name}, newest first`} />
          ) : (
            <EmptyNote>No orders through this link yet.</EmptyNote>
          )}
        </section>
        <section aria-labelledby="settings-heading" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="settings-heading" className="text-base font-semibold">Settings</h2>
          <LinkFixedSettings link={link} />
          <LinkSettings link={link} />
        </section>
      </div>
    </>
  );
}
