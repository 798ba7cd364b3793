import Link from "next/link";
import { formatPreciseTime } from "@/components/dashboard/events/format";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { ResendEventForm } from "./resend-event-form";
import type { DeliveryView, WebhookFormAction, WebhookFormScope } from "./types";

const none = <span className="text-slate-400">—</span>;

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatPreciseTime(iso)}</time>;
}

/**
 * Deliveries with every attempt: on an endpoint's page each names its event (and can be resent), on an
 * event's page each names where it went. The attempts of a delivery that has not succeeded start open.
 */
export function DeliveriesList({
  deliveries,
  show,
  resend,
}: {
  deliveries: DeliveryView[];
  show: "event" | "destination";
  /** Given to owners and admins on an endpoint's page: a Resend button per delivery. */
  resend?: { action: WebhookFormAction; scope: WebhookFormScope };
}) {
  return (
    <ul className="space-y-3">
      {deliveries.map((delivery) => {
        const last = delivery.attempts.at(-1);
        return (
          <li key={delivery.id} data-testid="delivery" className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  {show === "event" && delivery.connected_merchant ? (
                    // A connected merchant's event: its page is that merchant's, not in this business's event log.
                    <>
                      <span className="font-mono font-medium">{delivery.event_type}</span>
                      <code className="font-mono text-xs text-slate-500">{delivery.event}</code>
                      <span data-testid="delivery-connected-merchant" className="text-xs text-slate-600">
                        of connected merchant <code className="font-mono">{delivery.connected_merchant}</code>
                      </span>
                    </>
                  ) : show === "event" ? (
                    <>
                      <Link href={`/dashboard/developers/events/${delivery.event}`} className="font-mono font-medium text-indigo-700 hover:underline">
                        {delivery.event_type}
                      </Link>
                      <code className="font-mono text-xs text-slate-500">{delivery.event}</code>
                    </>
                  ) : delivery.webhook_endpoint ? (
                    <>
                      <span className="text-slate-600">To</span>
                      <Link href={`/dashboard/developers/webhooks/${delivery.webhook_endpoint}`} className="font-mono break-all text-indigo-700 hover:underline">
                        {delivery.endpoint_url}
                      </Link>
                    </>
                  ) : (
                    <>
                      <span className="text-slate-600">Status callback to</span>
                      <span className="font-mono break-all">{delivery.callback_url}</span>
                    </>
                  )}
                  <DeliveryStatusBadge delivery={delivery} />
                  {delivery.origin === "resend" ? <span className="text-xs font-medium text-slate-500">Resent by hand</span> : null}
                </p>
                <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-[auto_auto_auto_1fr_1fr]">
                  <div>
                    <dt className="font-medium text-slate-500">Attempts</dt>
                    <dd data-testid="delivery-attempts">{delivery.attempt_count}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-500">Last status code</dt>
                    <dd data-testid="delivery-last-status">{last ? (last.status_code ?? "No answer") : none}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-500">Latency</dt>
                    <dd>{last?.latency_ms != null ? `${last.latency_ms} ms` : none}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-500">Next retry</dt>
                    <dd>{delivery.next_attempt_at ? <Time iso={delivery.next_attempt_at} /> : none}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-500">Created</dt>
                    <dd>
                      <Time iso={delivery.created_at} />
                    </dd>
                  </div>
                </dl>
              </div>
              {resend && delivery.webhook_endpoint ? (
                <ResendEventForm
                  action={resend.action}
                  scope={resend.scope}
                  endpointId={delivery.webhook_endpoint}
                  eventId={delivery.event}
                  label="Resend"
                  detail={`${delivery.event_type} ${delivery.event}`}
                />
              ) : null}
            </div>
            {delivery.attempts.length ? (
              <details className="mt-3" open={delivery.status !== "succeeded" ? true : undefined}>
                <summary className="cursor-pointer text-xs font-medium text-slate-600">
                  {delivery.attempts.length === 1 ? "1 attempt" : `${delivery.attempts.length} attempts`}
                </summary>
                <ol className="mt-2 space-y-2">
                  {delivery.attempts.map((attempt) => (
                    <li key={attempt.attempt} data-testid="delivery-attempt" className="rounded-md border border-slate-100 bg-slate-50 p-3 text-xs">
                      <p className="flex flex-wrap gap-x-4 gap-y-1 text-slate-700">
                        <span className="font-medium">Attempt {attempt.attempt}</span>
                        <Time iso={attempt.attempted_at} />
                        <span>
                          Status code: <span className={attempt.succeeded ? "text-emerald-700" : "text-red-700"}>{attempt.status_code ?? "no answer"}</span>
                        </span>
                        <span>Latency: {attempt.latency_ms != null ? `${attempt.latency_ms} ms` : "—"}</span>
                      </p>
                      {attempt.error ? <p className="mt-1 text-red-700">Error: {attempt.error}</p> : null}
                      {attempt.response_body ? (
                        <>
                          <p className="mt-2 font-medium text-slate-500">Response (first 2 KB)</p>
                          <pre className="mt-1 max-h-48 overflow-auto rounded bg-white p-2 font-mono whitespace-pre-wrap break-all text-slate-800">{attempt.response_body}</pre>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
