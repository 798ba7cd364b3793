import type { ReactNode } from "react";
import type { MessageRow } from "@/db/schema";
import { EmptyNote } from "@/components/dashboard/list-page";
import { MessagesTable } from "./message-view";

/** The messages about one link or order, newest first, under the page's Send dialog. */
export function MessagesSection({ messages, send, empty }: { messages: MessageRow[]; send: ReactNode; empty: string }) {
  return (
    <section id="messages" aria-labelledby="messages-heading" className="space-y-3">
      <h2 id="messages-heading" className="text-base font-semibold">Messages</h2>
      {send}
      {messages.length ? <MessagesTable messages={messages} href={(id) => `/dashboard/messages/${id}`} /> : <EmptyNote>{empty}</EmptyNote>}
    </section>
  );
}
