import { money } from "@/components/dashboard/links/format";
import type { CurrencyInsights } from "@/lib/services/insights";
import { busiestDay, dayLabel, fullDayLabel, plural } from "./format";

const WIDTH = 300;
const HEIGHT = 100;

/**
 * A currency's volume per day as bars, drawn on the server (no script, no chart library). The picture is an
 * image with a name and a summary for screen readers; every figure is also in the table below it.
 */
export function DailyChart({ figures }: { figures: CurrencyInsights }) {
  const { currency, days } = figures;
  const max = Math.max(...days.map((d) => d.volume));
  const best = busiestDay(days);
  const quiet = days.filter((d) => d.count === 0).length;
  const id = `chart-${currency}`;
  const slot = WIDTH / days.length;
  return (
    <figure className="mt-4">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-32 w-full"
      >
        <title id={`${id}-title`}>{`Volume per day in ${currency}, ${fullDayLabel(days[0]!.date)} to ${fullDayLabel(days.at(-1)!.date)} (UTC)`}</title>
        <desc id={`${id}-desc`}>
          {best
            ? `Highest: ${money(best.volume, currency)} on ${dayLabel(best.date)} (${plural(best.count, "payment", "payments")}). ${plural(quiet, "day", "days")} without a payment.`
            : "No payments."}
        </desc>
        <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-slate-300" strokeWidth={1} vectorEffect="non-scaling-stroke" />
        {days.map((day, i) => {
          if (day.volume === 0 || max === 0) return null;
          // At least a sliver, so a small day next to a big one still shows.
          const height = Math.max((day.volume / max) * (HEIGHT - 4), 1.5);
          return (
            <rect key={day.date} x={i * slot + slot * 0.15} y={HEIGHT - height} width={slot * 0.7} height={height} className="fill-indigo-600">
              <title>{`${dayLabel(day.date)}: ${plural(day.count, "payment", "payments")}, ${money(day.volume, currency)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex justify-between text-xs text-slate-600">
        <span>{dayLabel(days[0]!.date)}</span>
        <span>Volume per UTC day, highest {money(max, currency)}</span>
        <span>{dayLabel(days.at(-1)!.date)}</span>
      </figcaption>
    </figure>
  );
}
