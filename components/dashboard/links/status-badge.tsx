import { Badge } from "@/components/dashboard/badge";
import { linkStatus } from "@/lib/links/rules";
import type { PaymentLinkObject } from "@/lib/links/serialize";

const STATUS = {
  active: { label: "Active", tone: "success" },
  disabled: { label: "Disabled", tone: "muted" },
  expired: { label: "Expired", tone: "warning" },
  sold_out: { label: "Sold out", tone: "info" },
} as const;

/** Whether the link takes payments now, and if not, why. */
export function LinkStatusBadge({ link }: { link: Pick<PaymentLinkObject, "active" | "expires_at" | "max_payments" | "stats"> }) {
  const status = linkStatus({
    active: link.active,
    expiresAt: link.expires_at ? new Date(link.expires_at) : null,
    maxPayments: link.max_payments,
    payCount: link.stats.pay_count,
  });
  const { label, tone } = STATUS[status];
  return (
    <Badge tone={tone} testId="link-status">
      {label}
    </Badge>
  );
}
