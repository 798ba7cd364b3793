import { formatCount, formatMoney } from "@/lib/i18n/format";
import { EmptyNote } from "@/components/dashboard/list-page";
import type { ApplicationFeeTotal } from "@/db/queries/application-fees";

/**
 * What the platform has earned from its connected merchants' paid orders in this mode, one card per currency:
 * fees in different currencies are never added together.
 */
export function ApplicationFees({ totals, livemode }: { totals: ApplicationFeeTotal[]; livemode: boolean }) {
  return (
    <section aria-labelledby="fees-heading" className="mb-8">
      <h2 id="fees-heading" className="mb-1 text-lg font-semibold">
        Application fees
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Your fees on your connected merchants&apos; paid orders, in {livemode ? "live" : "test"} mode, per currency.
      </p>
      {totals.length ? (
        <dl className="grid gap-4 sm:grid-cols-3">
          {totals.map((t) => (
            <div key={t.currency} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="application-fee-total">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t.currency}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{formatMoney(t.amount, t.currency)}</dd>
              <dd className="text-sm text-slate-600">
                from {formatCount(t.count)} {t.count === 1 ? "order" : "orders"}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <EmptyNote>No application fees yet. Set application_fee_amount on a connected merchant&apos;s link or order through the API.</EmptyNote>
      )}
    </section>
  );
}
