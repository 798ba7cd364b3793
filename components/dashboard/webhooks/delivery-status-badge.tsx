import type { DeliveryView } from "./types";

const pill = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

/** Succeeded, failed for good, retrying after a failure, or not tried yet. */
export function DeliveryStatusBadge({ delivery }: { delivery: Pick<DeliveryView, "status" | "attempt_count"> }) {
  const [label, tone] =
    delivery.status === "succeeded"
      ? ["Succeeded", "bg-emerald-50 text-emerald-800 ring-emerald-600/20"]
      : delivery.status === "failed"
        ? ["Failed", "bg-red-50 text-red-800 ring-red-600/20"]
        : delivery.attempt_count > 0
          ? ["Retrying", "bg-amber-50 text-amber-800 ring-amber-600/20"]
          : ["Pending", "bg-slate-100 text-slate-700 ring-slate-500/20"];
  return (
    <span data-testid="delivery-status" className={`${pill} ${tone}`}>
      {label}
    </span>
  );
}

/** An endpoint's state: enabled, failing (still enabled, being retried), or disabled. */
export function EndpointStatusBadge({ endpoint }: { endpoint: { enabled: boolean; failing_since: string | null } }) {
  const [label, tone] = !endpoint.enabled
    ? ["Disabled", "bg-red-50 text-red-800 ring-red-600/20"]
    : endpoint.failing_since
      ? ["Failing", "bg-amber-50 text-amber-800 ring-amber-600/20"]
      : ["Enabled", "bg-emerald-50 text-emerald-800 ring-emerald-600/20"];
  return (
    <span data-testid="endpoint-status" className={`${pill} ${tone}`}>
      {label}
    </span>
  );
}
