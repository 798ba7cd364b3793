import { formatDate } from "@/lib/i18n/format";

/** `Nov 21, 2026, 11:10 PM UTC`: the dashboard knows no user time zone yet, so it says which one it uses. */
export function formatDateTime(date: Date): string {
  return formatDate(date, "dateTime");
}
