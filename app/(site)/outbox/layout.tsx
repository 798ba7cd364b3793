import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getEnv } from "@/lib/core/env";
import { outboxPageEnabled } from "@/lib/messaging/config";

// The development outbox: every message the app sent or kept, account emails with their links included. Only
// under `npm run dev`, or where an operator turned OUTBOX_PAGE on; elsewhere it does not exist (404).
export default async function OutboxLayout({ children }: { children: React.ReactNode }) {
  await connection();
  if (!outboxPageEnabled(getEnv())) notFound();
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <p role="note" className="mb-6 rounded-lg bg-amber-100 px-4 py-2 text-sm text-amber-950">
        Development outbox: every email and SMS this Paylink sent, readable by anyone who can reach this page. Turn it off (OUTBOX_PAGE=false) anywhere strangers can.
      </p>
      {children}
    </main>
  );
}
