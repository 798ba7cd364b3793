import { formatCount, formatDate, formatShare } from "@/lib/i18n/format";
import type { DayFigures } from "@/lib/services/insights";

/** "May 25" for a UTC day (YYYY-MM-DD). */
export function dayLabel(date: string): string {
  return formatDate(date, "day");
}

/** "May 25, 2026" for a UTC day (YYYY-MM-DD). */
export function fullDayLabel(date: string): string {
  return formatDate(date, "date");
}

/** "62.5%"; a share of nothing is no share at all. */
export function percent(part: number, whole: number): string | null {
  return formatShare(part, whole);
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The day that took the most (the latest of equal ones), or null when every day is zero. */
export function busiestDay(days: DayFigures[]): DayFigures | null {
  let best: DayFigures | null = null;
  for (const day of days) if (day.volume > 0 && (!best || day.volume >= best.volume)) best = day;
  return best;
}
