import type { DayFigures } from "@/lib/services/insights";

const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const DAY_WITH_YEAR = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const PERCENT = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** "May 25" for a UTC day (YYYY-MM-DD). */
export function dayLabel(date: string): string {
  return DAY.format(new Date(`${date}T00:00:00Z`));
}

/** "May 25, 2026" for a UTC day (YYYY-MM-DD). */
export function fullDayLabel(date: string): string {
  return DAY_WITH_YEAR.format(new Date(`${date}T00:00:00Z`));
}

/** "62.5%"; a share of nothing is no share at all. */
export function percent(part: number, whole: number): string | null {
  return whole > 0 ? PERCENT.format(part / whole) : null;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** The day that took the most (the latest of equal ones), or null when every day is zero. */
export function busiestDay(days: DayFigures[]): DayFigures | null {
  let best: DayFigures | null = null;
  for (const day of days) if (day.volume > 0 && (!best || day.volume >= best.volume)) best = day;
  return best;
}
