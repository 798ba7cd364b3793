import type { MessageRow } from "@/db/schema";

type Change = { id: number; status: string; detail: string | null; at: Date };

const STATUS_TONE: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  sent: "bg-sky-50 text-sky-800",
  delivered: "bg-emerald-50 text-emerald-800",
  failed: "bg-red-50 text-red-800",
};

export function MessageStatus({ status }: { status: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status] ?? STATUS_TONE.queued}`}>{status}</span>;
}

/** A list of messages: when, to whom, what, and how it went. `href` names each message's page. */
export function MessagesTable({ messages, href }: { messages: MessageRow[]; href: (id: string) => string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">To</th>
            <th scope="col" className="px-4 py-2 font-medium">What</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Queued</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {messages.map((m) => (
            <tr key={m.id}>
              <td className="px-4 py-2">
                <a href={href(m.id)} className="font-medium text-indigo-700 hover:underline">
                  {m.to}
                </a>
                <span className="ml-2 text-xs text-slate-500">{m.channel === "sms" ? "SMS" : "Email"}</span>
              </td>
              <td className="px-4 py-2 text-slate-700">{m.subject ?? m.text.slice(0, 60)}</td>
              <td className="px-4 py-2">
                <MessageStatus status={m.status} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One message as it was sent: its content (the HTML in a sandboxed frame that runs no script and loads
 * nothing it could not already, and the plain text), then its status history.
 */
export function MessageDetail({ message, history }: { message: MessageRow; history: Change[] }) {
  return (
    <div className="space-y-6">
      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">To</dt>
        <dd>{message.to}</dd>
        <dt className="text-slate-500">Channel</dt>
        <dd>{message.channel === "sms" ? "SMS" : "Email"}{message.transport ? ` — via ${message.transport}` : ""}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd>
          <MessageStatus status={message.status} />
          {message.failureReason ? <span className="ml-2 text-red-800">{message.failureReason}</span> : null}
        </dd>
        {message.subject ? (
          <>
            <dt className="text-slate-500">Subject</dt>
            <dd>{message.subject}</dd>
          </>
        ) : null}
      </dl>
      {message.html ? (
        <section aria-labelledby="html-heading">
          <h2 id="html-heading" className="mb-2 text-sm font-semibold">As the recipient sees it</h2>
          <iframe title="The email as sent" sandbox="" srcDoc={message.html} className="h-[32rem] w-full rounded-xl border border-slate-200 bg-white" />
        </section>
      ) : null}
      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="mb-2 text-sm font-semibold">{message.channel === "sms" ? "Text" : "Plain-text part"}</h2>
        <pre data-testid="message-text" className="overflow-x-auto whitespace-pre-wrap rounded-xl border border-slate-200 bg-white p-4 text-sm">{message.text}</pre>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-sm font-semibold">History</h2>
        <ol className="space-y-2 text-sm">
          {history.map((h) => (
            <li key={h.id} className="flex flex-wrap gap-3">
              <time className="text-slate-500" dateTime={h.at.toISOString()}>{h.at.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              <MessageStatus status={h.status} />
              <span>{h.detail}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
