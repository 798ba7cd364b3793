import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink, PageHeader } from "@/components/dashboard/page-header";
import { MessageDetail } from "@/components/messages/message-view";
import { getDb } from "@/db";
import { findMessage, listStatusChanges } from "@/db/queries/messages";
import { getDashboardContext } from "@/lib/http/session";

export const metadata: Metadata = { title: "Message" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { current, livemode } = await getDashboardContext();
  const db = await getDb();
  const message = await findMessage(db, { merchantId: current.merchant.id, livemode }, id);
  if (!message) notFound();
  return (
    <>
      <BackLink href="/dashboard/messages">Messages</BackLink>
      <PageHeader title={message.subject ?? `SMS to ${message.to}`} description={message.id} />
      <MessageDetail message={message} history={await listStatusChanges(db, message.id)} />
    </>
  );
}
