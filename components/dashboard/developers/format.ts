const DATE_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });

/** `21 Nov 2026, 23:10 UTC`: the dashboard knows no user time zone yet, so it says which one it uses. */
export function formatDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} UTC`;
}
