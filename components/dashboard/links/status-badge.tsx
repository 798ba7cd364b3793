import { linkStatus } from "@/lib/links/rules";
import type { PaymentLinkObject } from "@/lib/links/serialize";

const STATUS = {
  active: { label: "Active", className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20" },
  disabled: { label: "Disabled", className: "bg-slate-100 text-slate-700 ring-slate-500/20" },
  expired: { label: "Expired", className: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  sold_out: { label: "Sold out", className: "bg-sky-50 text-sky-800 ring-sky-600/20" },
} as const;

/** Whether the link takes payments now, and if not, why. */
export function LinkStatusBadge({ link }: { link: Pick<PaymentLinkObject, "active" | "expires_at" | "max_payments" | "stats"> }) {
  const status = linkStatus({
    active: link.active,
    expiresAt: link.expires_at ? new Date(link.expires_at) : null,
    maxPayments: link.max_payments,
    payCount: link.stats.pay_count,
  });
  const { label, className } = STATUS[status];
  return (
    <span data-testid="link-status" className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>
      {label}
    </span>
  );
}
