import { Badge, type BadgeTone } from "@/components/dashboard/badge";
import type { DeliveryView } from "./types";

/** Succeeded, failed for good, retrying after a failure, or not tried yet. */
export function DeliveryStatusBadge({ delivery }: { delivery: Pick<DeliveryView, "status" | "attempt_count"> }) {
  const [label, tone]: [string, BadgeTone] =
    delivery.status === "succeeded"
      ? ["Succeeded", "success"]
      : delivery.status === "failed"
        ? ["Failed", "danger"]
        : delivery.attempt_count > 0
          ? ["Retrying", "warning"]
          : ["Pending", "muted"];
  return (
    <Badge tone={tone} testId="delivery-status">
      {label}
    </Badge>
  );
}

/** An endpoint's state: enabled, failing (still enabled, being retried), or disabled. */
export function EndpointStatusBadge({ endpoint }: { endpoint: { enabled: boolean; failing_since: string | null } }) {
  const [label, tone]: [string, BadgeTone] = !endpoint.enabled ? ["Disabled", "danger"] : endpoint.failing_since ? ["Failing", "warning"] : ["Enabled", "success"];
  return (
    <Badge tone={tone} testId="endpoint-status">
      {label}
    </Badge>
  );
}
