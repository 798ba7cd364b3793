import type { Metadata } from "next";
import { MessagesTable } from "@/components/messages/message-view";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { getEnv } from "@/lib/core/env";
import { outboxPageEnabled } from "@/lib/messaging/config";
import { listOutbox } from "@/db/queries/messages";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  await connection();
  if (!outboxPageEnabled(getEnv())) notFound();
  const messages = await listOutbox(await getDb(), { limit: 100 });
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Outbox</h1>
      {messages.length ? <MessagesTable messages={messages} href={(id) => `/outbox/${id}`} /> : <p className="text-sm text-slate-600">Nothing sent yet. Sign up, or ask for a password reset, and the email appears here.</p>}
    </>
  );
}
