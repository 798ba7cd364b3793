import Link from "next/link";
import { formatDateTime } from "@/components/dashboard/events/format";
import type { EndpointHealthView } from "./types";

/** The endpoints that are disabled or failing, each with why and a link to it; nothing when all are well. */
export function EndpointHealthNotice({ endpoints, heading: Heading = "h2" }: { endpoints: EndpointHealthView[]; heading?: "h2" | "h3" }) {
  if (endpoints.length === 0) return null;
  const disabled = endpoints.filter((e) => !e.enabled).length;
  const failing = endpoints.length - disabled;
  const summary = [disabled ? `${disabled} disabled` : null, failing ? `${failing} failing` : null].filter(Boolean).join(", ");
  return (
    <section aria-labelledby="endpoint-health-heading" data-testid="endpoint-health-notice" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-950">
      <Heading id="endpoint-health-heading" className="font-semibold">
        Webhook endpoints need attention ({summary})
      </Heading>
      <ul className="mt-2 space-y-1.5">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <Link href={`/dashboard/developers/webhooks/${endpoint.id}`} className="font-mono break-all underline">
              {endpoint.url}
            </Link>{" "}
            —{" "}
            {!endpoint.enabled ? (
              <strong>{endpoint.disabled_reason ?? "Disabled by a team member."}</strong>
            ) : (
              <>
                every delivery has failed since <time dateTime={endpoint.failing_since!}>{formatDateTime(endpoint.failing_since!)}</time>.
              </>
            )}
          </li>
        ))}
      </ul>
      {disabled ? <p className="mt-2">A disabled endpoint receives nothing. Enable it on its page once your server answers again, then resend what it missed.</p> : null}
    </section>
  );
}
