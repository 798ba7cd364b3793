import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageDetail } from "@/components/messages/message-view";
import { connection } from "next/server";
import { getDb } from "@/db";
import { getEnv } from "@/lib/core/env";
import { outboxPageEnabled } from "@/lib/messaging/config";
import { findAnyMessage, listStatusChanges } from "@/db/queries/messages";

export const metadata: Metadata = { title: "Outbox message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (!outboxPageEnabled(getEnv())) notFound();
  const { id } = await params;
  const db = await getDb();
  const message = await findAnyMessage(db, id);
  if (!message) notFound();
  return (
    <>
      <Link href="/outbox" className="text-sm text-indigo-700 hover:underline">
        ← Outbox
      </Link>
      <h1 className="mt-2 mb-4 text-xl font-semibold">{message.subject ?? `SMS to ${message.to}`}</h1>
      <MessageDetail message={message} history={await listStatusChanges(db, message.id)} />
    </>
  );
}
