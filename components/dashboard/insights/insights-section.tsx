import { formatCount } from "@/lib/i18n/format";
import { Stats } from "@/components/dashboard/details";
import { money } from "@/components/dashboard/links/format";
import { EmptyNote } from "@/components/dashboard/list-page";
import type { CurrencyInsights, Insights } from "@/lib/services/insights";
import { INSIGHT_DAYS } from "@/lib/services/insights";
import { DailyChart } from "./daily-chart";
import { DaysTable } from "./days-table";
import { fullDayLabel, percent, plural } from "./format";
import { TopLinksTable } from "./top-links-table";

const card = "rounded-xl border border-slate-200 bg-white p-4";

/**
 * The dashboard home's last 30 days: payments and volume per UTC day for each currency (never added across
 * currencies), how many of the orders made in the window were paid, and the links that took the most payments.
 * `firstCurrency` (the business's default) is shown first.
 */
export function InsightsSection({ insights, livemode, firstCurrency }: { insights: Insights; livemode: boolean; firstCurrency: string }) {
  const currencies = [...insights.currencies].sort((a, b) => Number(b.currency === firstCurrency) - Number(a.currency === firstCurrency));
  return (
    <section aria-labelledby="insights-heading" className="mt-8">
      <h2 id="insights-heading" className="text-lg font-semibold">
        Last {INSIGHT_DAYS} days
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {livemode ? "Live" : "Test"} payments from {fullDayLabel(insights.from)} to {fullDayLabel(insights.to)}, in whole days of UTC time.
        {currencies.length > 1 ? " Each currency is shown on its own: amounts in different currencies are never added together." : null}
      </p>
      <Conversion conversion={insights.conversion} />
      {currencies.length === 0 ? (
        <div className="mt-4">
          <EmptyNote>No payments in the last {INSIGHT_DAYS} days.</EmptyNote>
        </div>
      ) : (
        currencies.map((figures) => <CurrencyPanel key={figures.currency} figures={figures} />)
      )}
      {insights.topLinks.length > 0 ? (
        <section aria-labelledby="top-links-heading" className="mt-6">
          <h3 id="top-links-heading" className="mb-2 text-base font-semibold">
            Top payment links
          </h3>
          <TopLinksTable links={insights.topLinks} />
          <p className="mt-2 text-xs text-slate-600">
            Ranked by payments in the last {INSIGHT_DAYS} days. Checkout views are counted since each link was made, not per day.
          </p>
        </section>
      ) : null}
    </section>
  );
}

function Conversion({ conversion }: { conversion: Insights["conversion"] }) {
  const share = percent(conversion.paid, conversion.created);
  return (
    <section aria-labelledby="conversion-heading" className={`${card} mt-4`}>
      <h3 id="conversion-heading" className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Orders paid
      </h3>
      {share ? (
        <p className="mt-1 text-sm text-slate-700">
          <span className="text-lg font-semibold text-slate-900 tabular-nums">{share}</span> — {formatCount(conversion.paid)} of the{" "}
          {plural(conversion.created, "order", "orders")} created in the last {INSIGHT_DAYS} days (a buyer&apos;s checkout or your API) have been paid.
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-700">No orders were created in the last {INSIGHT_DAYS} days.</p>
      )}
    </section>
  );
}

function CurrencyPanel({ figures }: { figures: CurrencyInsights }) {
  const { currency } = figures;
  const returned = figures.refunded + figures.voided;
  return (
    <section aria-labelledby={`insights-${currency}`} className="mt-6">
      <h3 id={`insights-${currency}`} className="mb-3 text-base font-semibold">
        {currency}
      </h3>
      <Stats
        stats={[
          { label: "Payments", value: formatCount(figures.count) },
          { label: "Volume", value: money(figures.volume, currency) },
          { label: "Refunded or voided since", value: money(returned, currency) },
        ]}
      />
      <DailyChart figures={figures} />
      <DaysTable figures={figures} />
    </section>
  );
}
